using System.Runtime.Versioning;

namespace Heimnetz.Tests.Cli.Fix;

/// <summary>A directory this process cannot create files in, also when it runs as root (which ignores mode bits).</summary>
[UnsupportedOSPlatform("windows")]
internal static class ReadOnlyDirectories
{
    public static string Create(string parent)
    {
        var candidate = Directory.CreateDirectory(Path.Combine(parent, "read-only")).FullName;
        File.SetUnixFileMode(candidate, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            File.Create(Path.Combine(candidate, "probe")).Dispose();
        }
        catch (UnauthorizedAccessException)
        {
            return candidate;
        }

        // Root writes through mode bits; sysfs refuses new files to everyone.
        File.SetUnixFileMode(candidate, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return "/sys";
    }
}
