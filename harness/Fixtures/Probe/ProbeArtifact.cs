using System.Diagnostics;

namespace Heimnetz.Harness.Fixtures.Probe;

/// <summary>
/// The <c>heimnetz</c> binary that runs inside containers, published self-contained for linux-x64 from this repository's
/// source once per run (never a prebuilt image). <c>HEIMNETZ_PROBE_BINARY</c> names one already published in this run,
/// which is how the Cake build shares one publish across test processes.
/// </summary>
public static class ProbeArtifact
{
    public const string BinaryVariable = "HEIMNETZ_PROBE_BINARY";

    /// <summary>Where the binary lives inside a probe container.</summary>
    public const string ContainerPath = "/usr/local/bin/heimnetz";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? published;

    public static async Task<string> GetPathAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } given)
        {
            return File.Exists(given)
                ? given
                : throw new FileNotFoundException($"{BinaryVariable} names '{given}', which does not exist; unset it to publish from source.", given);
        }

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return published ??= await PublishAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> PublishAsync(CancellationToken cancellationToken)
    {
        var output = System.IO.Path.Combine(RepositoryRoot.Path, "artifacts", "probe", "linux-x64");
        var project = System.IO.Path.Combine(RepositoryRoot.Path, "src", "Heimnetz.Cli", "Heimnetz.Cli.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained",
            "-p:PublishSingleFile=true", "-p:EnableCompressionInSingleFile=true", "-p:DebugType=none",
            "-o", output, "--nologo",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet publish'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing the probe failed (exit {process.ExitCode}):{Environment.NewLine}{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}");
        }

        var binary = System.IO.Path.Combine(output, "heimnetz");
        return File.Exists(binary) ? binary : throw new FileNotFoundException("dotnet publish succeeded but left no 'heimnetz' binary.", binary);
    }
}
