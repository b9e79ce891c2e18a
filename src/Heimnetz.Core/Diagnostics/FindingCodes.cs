namespace Heimnetz.Diagnostics;

/// <summary>
/// Every finding code doctor can emit, in one place: codes are a contract (scripts and docs/troubleshooting.md match
/// on them), so a code never changes meaning; new problems get new codes.
/// </summary>
public static class FindingCodes
{
    /// <summary>The Docker engine answered; its version and API version are in the evidence.</summary>
    public const string EngineOk = "engine-ok";

    /// <summary>Neither a docker CLI nor an engine socket is present on this host.</summary>
    public const string EngineNotInstalled = "engine-not-installed";

    /// <summary>Inside a container without the engine socket: the engine is not visible from here, which is normal.</summary>
    public const string EngineNotVisible = "engine-not-visible";

    /// <summary>A docker CLI, socket or DOCKER_HOST is there, but the engine did not answer.</summary>
    public const string EngineUnreachable = "engine-unreachable";

    /// <summary>The engine answers with an API version older than the tooling needs.</summary>
    public const string EngineApiTooOld = "engine-api-too-old";

    /// <summary>The doctor ran live without an engine probe, so the engine and its published ports were not checked.</summary>
    public const string EngineNotChecked = "engine-not-checked";

    /// <summary><c>docker compose</c> or <c>docker-compose</c> answered.</summary>
    public const string ComposeOk = "compose-ok";

    /// <summary>Neither <c>docker compose</c> nor <c>docker-compose</c> is available.</summary>
    public const string ComposeMissing = "compose-missing";

    /// <summary>Where the process runs: host or container, which engine, which network mode.</summary>
    public const string RuntimeEnvironment = "runtime-environment";

    /// <summary>A replayed capture: engine, compose, DNS and Redis candidates were not checked from this machine.</summary>
    public const string LiveChecksSkipped = "live-checks-skipped";

    /// <summary>Every Redis candidate's outcome and identity, and which one was chosen.</summary>
    public const string RedisCandidates = "redis-candidates";

    /// <summary>At least one compose service name (<c>redis</c>, <c>redis-dev</c>) resolves inside the container.</summary>
    public const string ServiceNamesResolve = "service-names-resolve";

    /// <summary>No compose service name resolves inside the container.</summary>
    public const string ServiceNameUnresolved = "service-name-unresolved";

    /// <summary>A Redis holds a local Redis port on the host; which version, and which container publishes it.</summary>
    public const string PortHeldByRedis = "port-held-by-redis";

    /// <summary>Something that is not Redis holds a local Redis port on the host.</summary>
    public const string PortConflict = "port-conflict";

    /// <summary>A container on a bridge has no host alias, so a Redis on the host is hard to reach.</summary>
    public const string HostAliasMissing = "host-alias-missing";

    /// <summary>A Docker container on the default bridge, which has no container DNS, so service names cannot resolve.</summary>
    public const string DefaultBridgeNoDns = "default-bridge-no-dns";

    /// <summary>Redis wants a password and none is configured for that candidate.</summary>
    public const string AuthRequired = "auth-required";

    /// <summary>Redis rejected the configured credentials.</summary>
    public const string AuthFailed = "auth-failed";

    /// <summary>A peer accepted the connection but did not answer in time.</summary>
    public const string PeerTimeout = "peer-timeout";

    /// <summary>A peer answered, but not as Redis (e.g. an HTTP server on the port).</summary>
    public const string NotRedis = "not-redis";

    /// <summary>A TLS handshake failed: an untrusted certificate, a name it does not list, or TLS and plain text mixed up.</summary>
    public const string TlsFailed = "tls-failed";

    /// <summary>
    /// This process was starved of CPU for so much of discovery that a candidate could not be judged: the answer is
    /// not known, and no other finding about that candidate is claimed. The evidence has the measurement.
    /// </summary>
    public const string DiscoveryInconclusive = "discovery-inconclusive";

    /// <summary>No candidate is usable, so the cache would run in memory mode; the evidence says why.</summary>
    public const string CacheMemoryMode = "cache-memory-mode";

    /// <summary>Every code above, in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        EngineOk, EngineNotInstalled, EngineNotVisible, EngineUnreachable, EngineApiTooOld, EngineNotChecked,
        ComposeOk, ComposeMissing, RuntimeEnvironment, LiveChecksSkipped, RedisCandidates,
        ServiceNamesResolve, ServiceNameUnresolved, PortHeldByRedis, PortConflict, HostAliasMissing,
        DefaultBridgeNoDns, AuthRequired, AuthFailed, PeerTimeout, NotRedis, TlsFailed, DiscoveryInconclusive, CacheMemoryMode,
    ];
}
