using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Heimnetz.Harness.Fixtures.Probe;

/// <summary>
/// Inside this repository the probe is published from source once per run, never taken from a package or an image.
/// Registered as <see cref="ProbeArtifact"/>'s fallback as soon as this assembly loads (every test and the harness
/// CLI use it first), and again by <see cref="Register"/> for callers that want to say so.
/// </summary>
public static class SourceProbe
{
#pragma warning disable CA2255 // This assembly exists to serve this repository's tests and harness; the registration is its purpose.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterOnLoad() => Register();

    public static void Register() => ProbeArtifact.UseFallback("published from this repository's source", PublishAsync);

    private static async Task<string> PublishAsync(CancellationToken cancellationToken)
    {
        var output = Path.Combine(RepositoryRoot.Path, "artifacts", "probe", "linux-x64");
        var project = Path.Combine(RepositoryRoot.Path, "src", "Heimnetz.Cli", "Heimnetz.Cli.csproj");
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

        var binary = Path.Combine(output, "heimnetz");
        return File.Exists(binary) ? binary : throw new FileNotFoundException("dotnet publish succeeded but left no 'heimnetz' binary.", binary);
    }
}
