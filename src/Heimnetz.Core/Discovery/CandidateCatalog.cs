namespace Heimnetz.Discovery;

/// <summary>
/// The candidates to probe, most preferred first: configured ones, then the built-in catalog for the environment
/// (or the configured replacement list). Duplicates keep their first, higher-priority entry.
/// </summary>
public static class CandidateCatalog
{
    /// <summary>The port Redis listens on unless told otherwise.</summary>
    public const int RedisPort = 6379;

    private static readonly (string Name, string Reason)[] KnownHostAliases =
    [
        ("host.docker.internal", "Docker Desktop host alias"),
        ("host.containers.internal", "Podman host alias"),
    ];

    /// <summary>Builds the ordered, deduplicated candidate list and assigns priorities (0 = most preferred).</summary>
    public static IReadOnlyList<RedisCandidate> Build(CatalogContext context, DiscoveryConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(configuration);
        var ordered = configuration.Configured.Concat(configuration.ReplacementCandidates ?? Defaults(context));
        var seen = new HashSet<(string Host, int Port)>();
        var result = new List<RedisCandidate>();
        foreach (var candidate in ordered)
        {
            if (!seen.Add((candidate.Endpoint.Host.ToUpperInvariant(), candidate.Endpoint.Port)))
            {
                continue;
            }

            // Fallback credentials go only to candidates without their own; never replace a candidate's credentials.
            result.Add(candidate with
            {
                Priority = result.Count,
                Credentials = candidate.Credentials ?? configuration.FallbackCredentials,
                TlsTrust = candidate.TlsTrust ?? configuration.TlsTrust,
            });
        }

        return result;
    }

    /// <summary>The built-in candidates for the environment, in preference order.</summary>
    public static IReadOnlyList<RedisCandidate> Defaults(CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = new List<RedisCandidate>();
        void Add(string host, int port, string reason) =>
            defaults.Add(new RedisCandidate(new RedisEndpoint(host, port), null, false, CandidateSource.Default, defaults.Count, reason));

        if (context.IsContainer)
        {
            Add("redis", RedisPort, "compose service name");
            Add("redis-dev", RedisPort, "compose service name");
            foreach (var (name, reason) in KnownHostAliases)
            {
                if (context.HostAliases.Keys.Any(alias => string.Equals(alias, name, StringComparison.OrdinalIgnoreCase)))
                {
                    Add(name, RedisPort, reason);
                }
            }

            if (!string.IsNullOrWhiteSpace(context.DefaultGateway))
            {
                Add(context.DefaultGateway, RedisPort, context.ContainerKind is { } kind ? $"{kind} bridge gateway" : "bridge gateway");
            }

            Add("localhost", RedisPort, "loopback (host network or sidecar)");
        }
        else
        {
            Add("localhost", RedisPort, "local default port");
            Add("127.0.0.1", RedisPort, "IPv4 loopback, for when localhost resolves to ::1 only");
            Add("localhost", 6380, "local second instance or TLS port");
        }

        return defaults;
    }
}
