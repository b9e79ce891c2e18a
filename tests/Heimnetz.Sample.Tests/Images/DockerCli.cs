using System.Diagnostics;

namespace Heimnetz.Sample.Tests.Images;

/// <summary>Runs the docker CLI (or a script that does) and returns its exit code and output; a hang fails the test.</summary>
internal static class DockerCli
{
    public static Task<(int ExitCode, string Stdout, string Stderr)> DockerAsync(params string[] arguments) =>
        RunAsync("docker", arguments, TimeSpan.FromMinutes(2));

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan within)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{file}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{file} {string.Join(' ', start.ArgumentList)}' did not finish within {within}: {await stderr}");
        }

        return (process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
    }

    /// <summary>Runs docker and fails the test with its stderr unless it exits 0; returns stdout.</summary>
    public static async Task<string> MustAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await DockerAsync(arguments);
        Assert.That(exitCode, Is.Zero, $"docker {string.Join(' ', arguments)}: {stderr}");
        return stdout;
    }
}
