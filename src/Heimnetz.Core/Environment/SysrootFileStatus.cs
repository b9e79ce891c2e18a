namespace Heimnetz.EnvironmentDetection;

/// <summary>How reading one sysroot file went.</summary>
public enum SysrootFileStatus
{
    /// <summary>The whole file was read.</summary>
    Read,

    /// <summary>The file does not exist.</summary>
    Missing,

    /// <summary>The file exists but could not be read (permissions, I/O error, a directory).</summary>
    Unreadable,

    /// <summary>The file is larger than the cap; only the first part was read.</summary>
    Truncated,
}
