using System.Text.Json.Serialization;

namespace Heimnetz.Sample.Service.Live;

/// <summary>Event <c>mode</c>: the cache's mode now (sent first on every stream) or after a switch.</summary>
public sealed record ModeEvent(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("endpoint")] string? Endpoint,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>
/// Event <c>metrics</c>, once a second: the cache calls of that second (count, latency percentiles, how many memory
/// served) and the latency of the feed's own read of one key, so the chart moves even without traffic.
/// </summary>
public sealed record MetricsEvent(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("operations")] int Operations,
    [property: JsonPropertyName("memoryServed")] int MemoryServed,
    [property: JsonPropertyName("p50Ms")] double? P50Ms,
    [property: JsonPropertyName("p99Ms")] double? P99Ms,
    [property: JsonPropertyName("heartbeatMs")] double HeartbeatMs);
