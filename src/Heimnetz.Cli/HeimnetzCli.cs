using System.CommandLine;
using Heimnetz.Cli.Commands;

namespace Heimnetz.Cli;

/// <summary>The <c>heimnetz</c> command line: one place that wires the commands and the exit-code contract.</summary>
internal static class HeimnetzCli
{
    /// <summary>Exit code when a report was produced (finding no Redis is a result, not an error).</summary>
    public const int Ok = 0;

    /// <summary>Exit code of <c>doctor</c> when something is degraded (and of <c>watch</c> when the loop stopped on an error).</summary>
    public const int Degraded = 1;

    /// <summary>Exit code for bad usage (an unknown option, a bad option value, a missing file); EX_USAGE from sysexits. The message goes to stderr.</summary>
    public const int BadUsage = 64;

    /// <summary>Exit code for bad Redis settings (a malformed URL, timeout or CA file); EX_CONFIG from sysexits. The message goes to stderr.</summary>
    public const int BadConfiguration = 78;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("heimnetz: find Redis wherever Docker put it, and say what is wrong when it cannot be reached.");
        foreach (var command in CommandCatalog.Create(stdout, stderr))
        {
            root.Subcommands.Add(command);
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await stderr.WriteLineAsync($"heimnetz: {error.Message}").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("Run 'heimnetz --help' for usage.").ConfigureAwait(false);
            return BadUsage;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
