namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary>What a signal concluded: a container kind, and whether that is proof or only a hint (a file an image can carry).</summary>
internal sealed record SignalVerdict(ContainerKind Kind, bool IsProof, bool Rootless = false);
