using System.Diagnostics;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>
/// Runs <c>heimnetz</c> as a process on the host, as an app on the developer's machine runs. It inherits the host's
/// environment minus every Heimnetz and Redis setting: the scenario defines the situation, and a developer's real
/// Redis (and its password) must not be probed and printed in a report.
/// </summary>
public static class HostProbe
{
    // Case-insensitive: .NET configuration binds HEIMNETZ__REDIS__X like Heimnetz__Redis__X.
    private static readonly string[] SettingPrefixes = ["HEIMNETZ_", "REDIS_", "ConnectionStrings__", "VALKEY_"];

    /// <summary>Whether a variable is a Heimnetz or Redis setting that the host probe must not inherit.</summary>
    public static bool IsAppSetting(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SettingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Removes every Heimnetz and Redis setting from a process's environment.</summary>
    public static void RemoveAppSettings(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var name in environment.Keys.Where(IsAppSetting).ToList())
        {
            environment.Remove(name);
        }
    }

    /// <summary>Runs the probe binary with the arguments and the scrubbed environment; returns its exit code and output.</summary>
    public static Task<ProbeRun> RunAsync(string binary, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        RunAsync(binary, arguments, new Dictionary<string, string>(), cancellationToken);

    /// <summary>
    /// Runs the probe binary with the scrubbed environment plus <paramref name="settings"/> (e.g. the <c>REDIS_URL</c> an
    /// app on the host was given, as an <c>.env</c> file gives it).
    /// </summary>
    public static async Task<ProbeRun> RunAsync(string binary, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        RemoveAppSettings(start.Environment);
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{binary}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new ProbeRun(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), null);
    }
}
