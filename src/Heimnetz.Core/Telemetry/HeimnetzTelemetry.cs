namespace Heimnetz.Telemetry;

/// <summary>
/// The names to hand to OpenTelemetry: the meter, the activity source, and the instruments and attributes they emit.
/// Names follow OpenTelemetry's semantic conventions: durations in seconds, attributes namespaced under <c>heimnetz.</c>.
/// </summary>
public static class HeimnetzTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of discovery, failover and return (<c>AddSource</c>).</summary>
    public const string ActivitySourceName = "Heimnetz";

    /// <summary>The meter of the cache's instruments (<c>AddMeter</c>).</summary>
    public const string MeterName = "Heimnetz.Cache";

    /// <summary>Gauge: 1 while Redis serves the cache, 0 while memory does.</summary>
    public const string ModeInstrument = "heimnetz.cache.mode";

    /// <summary>Counter: switches from Redis to memory.</summary>
    public const string FailoversInstrument = "heimnetz.cache.failovers";

    /// <summary>Counter: cache calls served from memory instead of Redis, by <see cref="CacheOperationAttribute"/>.</summary>
    public const string FallbackHitsInstrument = "heimnetz.cache.fallback_hits";

    /// <summary>Histogram (seconds): duration of cache calls, by <see cref="CacheModeAttribute"/> and <see cref="CacheOperationAttribute"/>.</summary>
    public const string OperationDurationInstrument = "heimnetz.cache.operation.duration";

    /// <summary>The cache call: <c>get</c>, <c>set</c>, <c>refresh</c> or <c>remove</c>.</summary>
    public const string CacheOperationAttribute = "heimnetz.cache.operation";

    /// <summary>What served the call or what the cache switched to: <c>redis</c> or <c>memory</c>.</summary>
    public const string CacheModeAttribute = "heimnetz.cache.mode";

    /// <summary>The endpoint as <c>host:port</c>, never with credentials.</summary>
    public const string EndpointAttribute = "heimnetz.redis.endpoint";

    /// <summary>How many candidates discovery probed.</summary>
    public const string CandidateCountAttribute = "heimnetz.discovery.candidates";

    /// <summary>The endpoint discovery chose; absent when nothing answered as a usable Redis.</summary>
    public const string ChosenAttribute = "heimnetz.discovery.chosen";

    /// <summary>A probed candidate's outcome, on its <c>heimnetz.discovery.candidate</c> event (e.g. <c>ready</c>, <c>refused</c>).</summary>
    public const string OutcomeAttribute = "heimnetz.discovery.outcome";

    /// <summary>Why a candidate won or lost, on its <c>heimnetz.discovery.candidate</c> event.</summary>
    public const string VerdictAttribute = "heimnetz.discovery.verdict";

    /// <summary>Why a mode change happened, in one sentence without secrets.</summary>
    public const string ReasonAttribute = "heimnetz.cache.reason";

    /// <summary>Bucket bounds (seconds) for cache calls: they take microseconds to tens of milliseconds, far below OpenTelemetry's default buckets.</summary>
    internal static readonly IReadOnlyList<double> DurationBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
}
