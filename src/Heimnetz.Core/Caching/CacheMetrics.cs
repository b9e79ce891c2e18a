using System.Diagnostics.Metrics;
using Heimnetz.Telemetry;

namespace Heimnetz.Caching;

/// <summary>
/// The instruments of meter <c>Heimnetz.Cache</c>: mode gauge, failovers, fallback hits and operation duration, named
/// after OpenTelemetry's semantic conventions (durations in seconds, attributes under <c>heimnetz.cache.*</c>).
/// </summary>
internal sealed class CacheMetrics : IDisposable
{
    private static readonly KeyValuePair<string, object?> ServedByRedis = new(HeimnetzTelemetry.CacheModeAttribute, "redis");
    private static readonly KeyValuePair<string, object?> ServedByMemory = new(HeimnetzTelemetry.CacheModeAttribute, "memory");

    private readonly Meter meter;
    private readonly bool ownsMeter;
    private readonly Counter<long> failovers;
    private readonly Counter<long> fallbackHits;
    private readonly Histogram<double> duration;

    public CacheMetrics(IMeterFactory? meterFactory, Func<CacheMode> mode)
    {
        ownsMeter = meterFactory is null;
        meter = meterFactory?.Create(HeimnetzCacheDefaults.MeterName) ?? new Meter(HeimnetzCacheDefaults.MeterName);
        meter.CreateObservableGauge(HeimnetzTelemetry.ModeInstrument, () => mode() == CacheMode.Redis ? 1 : 0, unit: "{mode}", description: "1 while Redis serves the cache, 0 while memory does.");
        failovers = meter.CreateCounter<long>(HeimnetzTelemetry.FailoversInstrument, unit: "{failover}", description: "Switches from Redis to memory.");
        fallbackHits = meter.CreateCounter<long>(HeimnetzTelemetry.FallbackHitsInstrument, unit: "{call}", description: "Cache calls served from memory instead of Redis.");
        duration = meter.CreateHistogram<double>(
            HeimnetzTelemetry.OperationDurationInstrument,
            unit: "s",
            description: "Duration of cache calls, by the mode that served them and the operation.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = HeimnetzTelemetry.DurationBuckets });
    }

    public Meter Meter => meter;

    /// <summary>Whether anyone listens to the per-call instruments; a memory-mode read skips all of its bookkeeping when nobody does.</summary>
    public bool Listening => duration.Enabled || fallbackHits.Enabled;

    public void Failover() => failovers.Add(1);

    public void FallbackHit(string operation)
    {
        if (fallbackHits.Enabled)
        {
            fallbackHits.Add(1, new KeyValuePair<string, object?>(HeimnetzTelemetry.CacheOperationAttribute, operation));
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
            timeProvider.GetElapsedTime(started).TotalSeconds,
            servedBy == CacheMode.Redis ? ServedByRedis : ServedByMemory,
            new KeyValuePair<string, object?>(HeimnetzTelemetry.CacheOperationAttribute, operation));
    }

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }
}
