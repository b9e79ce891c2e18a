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

    /// <summary>
    /// The file was not read because that would leave a directory sysroot or wait forever: a symbolic link out of the
    /// directory, or a named pipe where a file belongs. The problem says which.
    /// </summary>
    Refused,
}
