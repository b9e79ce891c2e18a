using System.Diagnostics;
using Heimnetz.Harness.Fixtures.Requirements;

namespace Heimnetz.Scenarios.Tests.Reports;

/// <summary>
/// Debian's headless chromium, started offline on a file:// URL only: no network, no first-run, no updates, a
/// throw-away profile. Missing chromium ignores the test on a developer's machine and fails it under CI=true.
/// </summary>
internal static class Chromium
{
    public const string Category = "Browser";

    public static string Require()
    {
        foreach (var name in new[] { "chromium", "chromium-browser" })
        {
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        MachineRequirement.Unmet($"chromium is not on PATH; install it (eng/install-test-tools.sh, or Debian: apt-get install chromium) to run the {Category} tests.");
        return string.Empty;
    }

    /// <summary>Runs chromium headless with the given extra arguments on <paramref name="page"/>; returns (exit code, stdout, stderr).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string binary, string page, params string[] arguments) =>
        RunAsync(binary, new Uri(page), arguments);

    /// <summary>Runs chromium headless on a file URL (which may carry a query); returns (exit code, stdout, stderr).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string binary, Uri page, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("heimnetz-chromium-");
        try
        {
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
                $"--user-data-dir={profile.FullName}",
            }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(page.AbsoluteUri);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{binary}'.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            // Generous: a cold chromium on a loaded 2-core machine; a hang still ends the test.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish within 2 minutes: {await stderr}");
            }

            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
