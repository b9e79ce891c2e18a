using System.Diagnostics.Metrics;

namespace Heimnetz.Caching;

/// <summary>The instruments of meter <c>Heimnetz.Cache</c>: mode gauge, failovers, fallback hits and operation latency.</summary>
internal sealed class CacheMetrics : IDisposable
{
    private readonly Meter meter;
    private readonly bool ownsMeter;
    private readonly Counter<long> failovers;
    private readonly Counter<long> fallbackHits;
    private readonly Histogram<double> duration;

    public CacheMetrics(IMeterFactory? meterFactory, Func<CacheMode> mode)
    {
        ownsMeter = meterFactory is null;
        meter = meterFactory?.Create(HeimnetzCacheDefaults.MeterName) ?? new Meter(HeimnetzCacheDefaults.MeterName);
        meter.CreateObservableGauge("heimnetz.cache.mode", () => mode() == CacheMode.Redis ? 1 : 0, unit: "{mode}", description: "1 while Redis serves the cache, 0 while memory does.");
        failovers = meter.CreateCounter<long>("heimnetz.cache.failovers", unit: "{failover}", description: "Switches from Redis to memory.");
        fallbackHits = meter.CreateCounter<long>("heimnetz.cache.fallback_hits", unit: "{call}", description: "Cache calls served from memory instead of Redis.");
        duration = meter.CreateHistogram<double>("heimnetz.cache.operation.duration", unit: "ms", description: "Duration of cache calls, tagged with the mode that served them and the operation.");
    }

    public Meter Meter => meter;

    /// <summary>Whether anyone listens to the per-call instruments; a memory-mode read skips all of its bookkeeping when nobody does.</summary>
    public bool Listening => duration.Enabled || fallbackHits.Enabled;

    public void Failover() => failovers.Add(1);

    public void FallbackHit(string operation)
    {
        if (fallbackHits.Enabled)
        {
            fallbackHits.Add(1, new KeyValuePair<string, object?>("op", operation));
        }
    }

    /// <summary>A start timestamp for <see cref="Duration"/>, or 0 when nobody listens to the histogram (saves a clock read per call).</summary>
    public long Start(TimeProvider timeProvider) => duration.Enabled ? timeProvider.GetTimestamp() : 0;

    public void Duration(TimeProvider timeProvider, long started, CacheMode servedBy, string operation)
    {
        // 0: nobody listened when the call started; a listener that came since gets the next call.
        if (started == 0 || !duration.Enabled)
        {
            return;
        }

        duration.Record(
            timeProvider.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("mode", servedBy == CacheMode.Redis ? "redis" : "memory"),
            new KeyValuePair<string, object?>("op", operation));
    }

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }
}
