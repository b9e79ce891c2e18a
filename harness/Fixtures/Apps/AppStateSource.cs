using System.Text.RegularExpressions;

namespace Heimnetz.Testing;

/// <summary>How the harness reads what an app says about itself: an HTTP endpoint, or its log lines.</summary>
public abstract record AppStateSource
{
    private AppStateSource()
    {
    }

    /// <summary>
    /// <c>GET path</c> on the app's port, sent from the sidecar in the app's network namespace (so it works on any wiring,
    /// internal networks included). The state is <paramref name="JsonField"/> of a JSON body (dotted, e.g. <c>cache.mode</c>),
    /// or else the trimmed body (a health endpoint's <c>Healthy</c>, <c>Degraded</c>, <c>Unhealthy</c>).
    /// </summary>
    public sealed record Http(string Path, string? JsonField) : AppStateSource
    {
        public override string Describe() => JsonField is null ? $"GET {Path}" : $"GET {Path} ({JsonField})";
    }

    /// <summary>The app's log lines; the state is the <c>state</c> group of the last line the pattern matches.</summary>
    public sealed record Logs(Regex Pattern) : AppStateSource
    {
        public override string Describe() => $"logs /{Pattern}/";
    }

    /// <summary>A health endpoint such as <c>/healthz</c> or <c>/health/ready</c>: the state is its body.</summary>
    public static AppStateSource HealthEndpoint(string path) => new Http(CheckPath(path), JsonField: null);

    /// <summary>A JSON status endpoint: the state is one field of it, e.g. <c>StatusEndpoint("/status", "cache.mode")</c>.</summary>
    public static AppStateSource StatusEndpoint(string path, string jsonField)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jsonField);
        return new Http(CheckPath(path), jsonField);
    }

    /// <summary>Log lines; <paramref name="pattern"/> must have a group named <c>state</c>, e.g. <c>cache is (?&lt;state&gt;\w+)</c>.</summary>
    public static AppStateSource LogLines(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return regex.GetGroupNames().Contains("state")
            ? new Logs(regex)
            : throw new ArgumentException($"The log pattern '{pattern}' has no group named 'state'; expected e.g. 'cache is (?<state>\\w+)'.", nameof(pattern));
    }

    /// <summary>Says where the state comes from, for reports.</summary>
    public abstract string Describe();

    internal static string CheckPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith('/') && !path.Any(char.IsWhiteSpace) && !path.Contains('\'', StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"'{path}' is not an HTTP path; expected one starting with '/', without spaces or quotes, e.g. /healthz.", nameof(path));
    }
}
