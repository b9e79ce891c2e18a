namespace Heimnetz.Caching;

/// <summary>Settings of <see cref="ResilientCache"/>, bound from <c>Heimnetz:Cache</c> and checked once at start-up.</summary>
public sealed class HeimnetzCacheOptions
{
    /// <summary>The Redis to use as <c>host:port</c> when no <see cref="IRedisLocator"/> is registered; null means "none configured".</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Endpoint { get; set; }

    /// <summary>The ACL user for <see cref="Endpoint"/>, sent with <see cref="Password"/>; null means the default user.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Username { get; set; }

    /// <summary>The password for <see cref="Endpoint"/>; it never appears in logs, events, status or exception messages.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Password { get; set; }

    /// <summary>
    /// Whether to use TLS to <see cref="Endpoint"/>; a server signed by a private CA is trusted through
    /// <c>HEIMNETZ_REDIS_TLS_CA</c> / <c>Heimnetz:Redis:TlsCaFile</c> in the app configuration.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool UseTls { get; set; }

    /// <summary>
    /// A prefix put before every key this cache reads or writes in Redis (as Microsoft's <c>RedisCache</c> does), so several
    /// apps can share one Redis without seeing each other's entries; null or empty means no prefix. Memory needs none.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? InstanceName { get; set; }

    /// <summary>The Redis database index every command of this cache goes to, including the write-back after an outage.</summary>
    /// <value>The default value is 0.</value>
    public int Database { get; set; }

    /// <summary>
    /// The longest a cache call waits for Redis; after that memory serves it and the failure counts toward opening the circuit.
    /// An async call without a reply is ended by StackExchange.Redis's heartbeat (a fifth of this), so it ends within the last fifth.
    /// </summary>
    /// <value>The default value is 50 ms.</value>
    public TimeSpan OperationTimeout { get; set; } = HeimnetzCacheDefaults.OperationTimeout;

    /// <summary>How often a PING checks Redis while it is in use, so a silent (black-holed) server is noticed even when the cache is idle.</summary>
    /// <value>The default value is 100 ms.</value>
    public TimeSpan HealthProbeInterval { get; set; } = HeimnetzCacheDefaults.HealthProbeInterval;

    /// <summary>How long the health probe waits for PONG before it counts as a failure.</summary>
    /// <value>The default value is 100 ms.</value>
    public TimeSpan HealthProbeTimeout { get; set; } = HeimnetzCacheDefaults.HealthProbeTimeout;

    /// <summary>How long one recovery attempt may take to connect, PING and read <c>INFO server</c>.</summary>
    /// <value>The default value is 500 ms.</value>
    public TimeSpan ConnectTimeout { get; set; } = HeimnetzCacheDefaults.ConnectTimeout;

    /// <summary>Consecutive failed reads or health probes that open the circuit; a failed write opens it at once.</summary>
    /// <value>The default value is 2.</value>
    public int FailureThreshold { get; set; } = HeimnetzCacheDefaults.FailureThreshold;

    /// <summary>What happens to writes kept in memory during an outage when Redis answers again.</summary>
    /// <value>The default value is <see cref="ReturnPolicy.Discard"/>.</value>
    public ReturnPolicy ReturnPolicy { get; set; } = HeimnetzCacheDefaults.DefaultReturnPolicy;

    /// <summary>The first delay between recovery attempts; later delays grow exponentially with jitter.</summary>
    /// <value>The default value is 100 ms.</value>
    public TimeSpan RecoveryBaseDelay { get; set; } = HeimnetzCacheDefaults.RecoveryBaseDelay;

    /// <summary>The cap on the delay between recovery attempts.</summary>
    /// <value>The default value is 1 s.</value>
    public TimeSpan RecoveryMaxDelay { get; set; } = HeimnetzCacheDefaults.RecoveryMaxDelay;
}
