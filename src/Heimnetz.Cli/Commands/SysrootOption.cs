using System.CommandLine;
using Heimnetz.EnvironmentDetection.Capture;

namespace Heimnetz.Cli.Commands;

/// <summary>The shared <c>--sysroot DIR|FILE.tar.gz</c> option: detect through a captured bundle instead of the live system.</summary>
internal static class SysrootOption
{
    public static Option<string?> Create() => new("--sysroot")
    {
        Description = "Read the system through DIR (an unpacked capture) or FILE.tar.gz (a capture) instead of '/'.",
    };

    /// <summary>Opens the sysroot the option names, or the live system; on a bad value writes the reason to stderr and returns null.</summary>
    public static async Task<SysrootArchive?> OpenAsync(string? value, TextWriter stderr)
    {
        try
        {
            return SysrootArchive.Open(value ?? "/");
        }
        catch (SysrootException error)
        {
            await stderr.WriteLineAsync($"heimnetz: --sysroot: {error.Message}").ConfigureAwait(false);
            return null;
        }
    }
}
