namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>One line of <c>proc/self/mountinfo</c>: <see cref="Root"/> is the path inside the source filesystem that is mounted at <see cref="MountPoint"/>.</summary>
internal sealed record MountInfoEntry(string Root, string MountPoint, string FsType, string Source, string SuperOptions);
