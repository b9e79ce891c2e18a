namespace Heimnetz.Harness.Fixtures.Probe;

/// <summary>
/// The self-contained linux-x64 <c>heimnetz</c> binary that runs inside containers (as the app, or as the sidecar beside
/// someone else's app). Found in this order, and an error lists every place tried:
/// <c>HEIMNETZ_PROBE_BINARY</c>; the copy the Heimnetz.Testing package puts into the test project's output
/// (<see cref="PackagedRelativePath"/>); a fallback a host registered with <see cref="UseFallback"/>.
/// </summary>
public static class ProbeArtifact
{
    public const string BinaryVariable = "HEIMNETZ_PROBE_BINARY";

    /// <summary>Where the package's build asset copies the binary, relative to the test project's output folder.</summary>
    public const string PackagedRelativePath = "heimnetz-probe/linux-x64/heimnetz";

    /// <summary>Where the binary lives inside a probe container.</summary>
    public const string ContainerPath = "/usr/local/bin/heimnetz";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Description, Func<CancellationToken, Task<string>> Source)? fallback;
    private static string? resolved;

    /// <summary>
    /// Registers where the binary comes from when neither the variable nor a packaged copy names one (this repository
    /// publishes it from source). The last registration wins; it runs at most once per process.
    /// </summary>
    public static void UseFallback(string description, Func<CancellationToken, Task<string>> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        fallback = (description, source);
    }

    public static async Task<string> GetPathAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } given)
        {
            return File.Exists(given)
                ? given
                : throw new FileNotFoundException($"{BinaryVariable} names '{given}', which does not exist; unset it to use the probe the Heimnetz.Testing package carries.", given);
        }

        foreach (var candidate in PackagedCandidates())
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        if (fallback is not { } registered)
        {
            throw new FileNotFoundException(
                $"No heimnetz probe binary: {BinaryVariable} is not set and none of {string.Join(", ", PackagedCandidates().Select(c => $"'{c}'"))} exists. "
                + "Reference the Heimnetz.Testing package from the test project (its build step copies the probe there), or set "
                + $"{BinaryVariable} to a self-contained linux-x64 heimnetz binary.");
        }

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return resolved ??= await registered.Source(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static IEnumerable<string> PackagedCandidates() =>
        new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(ProbeArtifact).Assembly.Location) }
            .OfType<string>()
            .Where(directory => directory.Length > 0)
            .Select(directory => Path.GetFullPath(Path.Combine(directory, PackagedRelativePath)))
            .Distinct(StringComparer.Ordinal);
}
