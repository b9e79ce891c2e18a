using System.ComponentModel;
using System.Diagnostics;
using Heimnetz.Discovery;

namespace Heimnetz.Diagnostics;

/// <summary>Finds a working compose: <c>docker compose version</c>, else <c>docker-compose version</c>, each bounded in time.</summary>
internal static class ComposeProbe
{
    /// <summary>How long one compose command gets to print its version.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<ComposeProbeResult> ProbeAsync(string? path, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var tried = new List<string>();
        foreach (var (executable, arguments, shown) in new[] { ("docker", new[] { "compose", "version" }, "docker compose"), ("docker-compose", ["version"], "docker-compose") })
        {
            if (ExecutableSearch.Find(executable, path) is not { } file)
            {
                tried.Add($"{shown}: {executable} is not on PATH");
                continue;
            }

            var (answered, line) = await RunAsync(file, arguments, timeProvider, cancellationToken).ConfigureAwait(false);
            if (answered)
            {
                return new ComposeProbeResult(true, shown, line, tried);
            }

            tried.Add($"{shown}: {line}");
        }

        return new ComposeProbeResult(true, null, null, tried);
    }

    private static async Task<(bool Answered, string Line)> RunAsync(string file, string[] arguments, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception error)
        {
            return (false, $"could not start ({error.Message})");
        }

        if (process is null)
        {
            return (false, "could not start");
        }

        using (process)
        {
            using var scope = new TimeoutScope(Timeout, timeProvider, cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(scope.Token);
            var errors = process.StandardError.ReadToEndAsync(scope.Token);
            try
            {
                await process.WaitForExitAsync(scope.Token).ConfigureAwait(false);
                var text = await output.ConfigureAwait(false);
                var problem = await errors.ConfigureAwait(false);
                var first = FirstLine(process.ExitCode == 0 ? text : problem.Length > 0 ? problem : text);
                return process.ExitCode == 0
                    ? (true, first)
                    : (false, $"exit code {process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {first}");
            }
            catch (OperationCanceledException) when (scope.TimedOut)
            {
                // Only the process this probe started is stopped.
                process.Kill(entireProcessTree: true);
                return (false, $"no answer within {Timeout.TotalSeconds:0} s");
            }
        }
    }

    private static string FirstLine(string text) =>
        DetailText.Sanitize(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output", 120);
}
