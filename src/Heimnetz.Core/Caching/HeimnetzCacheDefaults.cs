namespace Heimnetz.Caching;

/// <summary>The default values of <see cref="HeimnetzCacheOptions"/>, in one place so docs, options and tests agree.</summary>
public static class HeimnetzCacheDefaults
{
    /// <summary>The configuration section the options are bound from: <c>Heimnetz:Cache</c>.</summary>
    public const string SectionName = "Heimnetz:Cache";

    /// <summary>The meter name of the cache's instruments.</summary>
    public const string MeterName = "Heimnetz.Cache";

    /// <summary>How long one cache call may wait for Redis before memory serves it.</summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(50);

    /// <summary>How often the health probe (PING) runs while Redis is in use.</summary>
    public static readonly TimeSpan HealthProbeInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the health probe waits for PONG.</summary>
    public static readonly TimeSpan HealthProbeTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one recovery attempt may take to connect and handshake.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>The first delay between recovery attempts; later ones grow exponentially with jitter.</summary>
    public static readonly TimeSpan RecoveryBaseDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The longest delay between recovery attempts. One second keeps "back on Redis within 2 s of it answering" true
    /// after a long outage; an attempt is one discovery round (about 1 KB of traffic per candidate), so it stays cheap.
    /// </summary>
    public static readonly TimeSpan RecoveryMaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive failed reads or probes that open the circuit (a failed write opens it at once).</summary>
    public const int FailureThreshold = 2;

    /// <summary>What happens to outage writes when Redis answers again.</summary>
    public const ReturnPolicy DefaultReturnPolicy = ReturnPolicy.Discard;

    /// <summary>
    /// How long a removal's tombstone stays in Redis. Within it, a write-back of an older outage write (from this or another
    /// instance) cannot bring the removed key back; an outage longer than this can.
    /// </summary>
    public static readonly TimeSpan TombstoneLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How many transitions <see cref="CacheStatus.Transitions"/> keeps.</summary>
    public const int TransitionHistory = 32;
}
