using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Threading.Channels;
using Heimnetz.Caching;
using Heimnetz.Sample.Service.Status;

namespace Heimnetz.Sample.Service.Live;

/// <summary>
/// Fans the cache's mode changes and a per-second metrics tick out to every open live stream. Each stream has a small
/// bounded queue: a slow reader loses old ticks, never slows the cache or the other readers.
/// </summary>
internal sealed class LiveFeed : BackgroundService
{
    /// <summary>A key nobody writes: reading it measures one cache round trip per second.</summary>
    public const string HeartbeatKey = "heimnetz-sample:heartbeat";

    private readonly ResilientCache cache;
    private readonly TimeProvider timeProvider;
    private readonly CacheActivity activity = new();
    private readonly Lock gate = new();
    private readonly List<Channel<SseItem<object>>> subscribers = [];

    public LiveFeed(ResilientCache cache, TimeProvider timeProvider)
    {
        this.cache = cache;
        this.timeProvider = timeProvider;
        cache.ModeChanged += OnModeChanged;
    }

    /// <summary>The current mode, then every event until <paramref name="cancellationToken"/> ends the stream.</summary>
    public async IAsyncEnumerable<SseItem<object>> StreamAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<SseItem<object>>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (gate)
        {
            subscribers.Add(channel);
        }

        try
        {
            var status = cache.Status;
            yield return new SseItem<object>(new ModeEvent(StatusService.WireName(status.Mode), status.Endpoint, status.Reason, timeProvider.GetUtcNow()), "mode");
            while (await MoreAsync(channel.Reader, cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            lock (gate)
            {
                subscribers.Remove(channel);
            }
        }
    }

    // The end of a stream (client gone, host stopping) is normal: finish the enumeration instead of throwing into the
    // response, which would log a stopping host's open dashboards as failed requests.
    private static async ValueTask<bool> MoreAsync(ChannelReader<SseItem<object>> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public override void Dispose()
    {
        cache.ModeChanged -= OnModeChanged;
        activity.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var heartbeat = await HeartbeatAsync(stoppingToken).ConfigureAwait(false);
                var (durations, memoryServed) = activity.Drain();
                var sorted = durations.Order().ToArray();
                Publish(new SseItem<object>(
                    new MetricsEvent(timeProvider.GetUtcNow(), StatusService.WireName(cache.Mode), sorted.Length, memoryServed, Percentile(sorted, 0.50), Percentile(sorted, 0.99), heartbeat),
                    "metrics"));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the streams end with the host.
        }
    }

    private async Task<double> HeartbeatAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await cache.GetAsync(HeartbeatKey, cancellationToken).ConfigureAwait(false);
        return Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3);
    }

    private static double? Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)], 3);

    // Raised on the cache's own thread: only queue, never block or throw back into the cache.
    private void OnModeChanged(object? sender, CacheModeChangedEventArgs change) =>
        Publish(new SseItem<object>(new ModeEvent(StatusService.WireName(change.NewMode), change.Endpoint, change.Reason, change.Timestamp), "mode"));

    private void Publish(SseItem<object> item)
    {
        lock (gate)
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryWrite(item);
            }
        }
    }
}
