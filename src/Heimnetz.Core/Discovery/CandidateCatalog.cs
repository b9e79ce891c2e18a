namespace Heimnetz.Discovery;

/// <summary>
/// The candidates to probe, most preferred first. Configured means configured: with a URL, connection string or
/// candidate list set, only those are probed, and the environment's built-in catalog follows them only when the user
/// opted in (<see cref="DiscoveryConfiguration.Scope"/>). Duplicates keep their first, higher-priority entry.
/// Fallback credentials (<c>REDIS_PASSWORD</c>) go only where the user sent them; see <see cref="FallbackFor"/>.
/// </summary>
public static class CandidateCatalog
{
    /// <summary>The port Redis listens on unless told otherwise.</summary>
    public const int RedisPort = RedisEndpoint.DefaultPort;

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
        var catalog = configuration.Scope == CandidateScope.Configured ? [] : Defaults(context);
        var ordered = configuration.Configured.Concat(configuration.ReplacementCandidates ?? []).Concat(catalog);
        var seen = new HashSet<(string Host, int Port)>();
        var result = new List<RedisCandidate>();
        foreach (var candidate in ordered)
        {
            if (!seen.Add((candidate.Endpoint.Host.ToUpperInvariant(), candidate.Endpoint.Port)))
            {
                continue;
            }

            // A candidate's own credentials go only to it; fallback credentials only where FallbackFor allows.
            result.Add(candidate with
            {
                Priority = result.Count,
                Credentials = candidate.Credentials ?? FallbackFor(candidate, configuration),
                TlsTrust = candidate.TlsTrust ?? configuration.TlsTrust,
            });
        }

        return result;
    }

    /// <summary>
    /// Who receives the fallback credentials (<c>REDIS_PASSWORD</c> / <c>REDIS_USERNAME</c>): a candidate the user named
    /// (URL without a password, candidate list); a catalog candidate only when nothing is configured, and then only on
    /// the app's own network or loopback (compose service names, <c>localhost</c>), never the bridge gateway or a host
    /// alias unless <see cref="DiscoveryConfiguration.FallbackCredentialsToHost"/>. Never a plain-text candidate when a
    /// configured endpoint speaks TLS.
    /// </summary>
    public static RedisCredentials? FallbackFor(RedisCandidate candidate, DiscoveryConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.FallbackCredentials is not { } fallback || (configuration.ConfiguredTls && !candidate.UseTls))
        {
            return null;
        }

        if (candidate.Source != CandidateSource.Default)
        {
            return fallback;
        }

        return configuration.Scope == CandidateScope.Environment && (!candidate.ReachesHost || configuration.FallbackCredentialsToHost)
            ? fallback
            : null;
    }

    /// <summary>The built-in candidates for the environment, in preference order.</summary>
    public static IReadOnlyList<RedisCandidate> Defaults(CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = new List<RedisCandidate>();
        void Add(string host, int port, string reason, bool reachesHost = false) =>
            defaults.Add(new RedisCandidate(new RedisEndpoint(host, port), null, false, CandidateSource.Default, defaults.Count, reason) { ReachesHost = reachesHost });

        if (context.IsContainer)
        {
            Add("redis", RedisPort, "compose service name");
            Add("redis-dev", RedisPort, "compose service name");
            foreach (var (name, reason) in KnownHostAliases)
            {
                if (context.HostAliases.Keys.Any(alias => string.Equals(alias, name, StringComparison.OrdinalIgnoreCase)))
                {
                    Add(name, RedisPort, reason, reachesHost: true);
                }
            }

            if (!string.IsNullOrWhiteSpace(context.DefaultGateway))
            {
                Add(context.DefaultGateway, RedisPort, context.ContainerKind is { } kind ? $"{kind} bridge gateway" : "bridge gateway", reachesHost: true);
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
