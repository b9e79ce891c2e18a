using System.Diagnostics.Metrics;
using Heimnetz.Telemetry;

namespace Heimnetz.Sample.Service.Live;

/// <summary>
/// Listens to the cache's <c>heimnetz.cache.operation.duration</c> histogram and hands out what was recorded since the
/// last call: the numbers behind the per-second <see cref="MetricsEvent"/>.
/// </summary>
internal sealed class CacheActivity : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly Lock gate = new();
    private List<double> durations = [];
    private int memoryServed;

    public CacheActivity()
    {
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == HeimnetzTelemetry.MeterName && instrument.Name == HeimnetzTelemetry.OperationDurationInstrument)
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>(OnDuration);
        listener.Start();
    }

    /// <summary>The durations (ms) and the count served by memory since the previous call.</summary>
    public (IReadOnlyList<double> Durations, int MemoryServed) Drain()
    {
        lock (gate)
        {
            var drained = (durations, memoryServed);
            durations = [];
            memoryServed = 0;
            return drained;
        }
    }

    public void Dispose() => listener.Dispose();

    private void OnDuration(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var memory = false;
        foreach (var tag in tags)
        {
            memory |= tag is { Key: HeimnetzTelemetry.CacheModeAttribute, Value: "memory" };
        }

        lock (gate)
        {
            // Bounded: a burst of traffic must not grow memory between two ticks.
            if (durations.Count < 100_000)
            {
                durations.Add(seconds * 1000); // the instrument records seconds; the live feed shows milliseconds
            }

            memoryServed += memory ? 1 : 0;
        }
    }
}
