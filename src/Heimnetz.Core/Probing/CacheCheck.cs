using System.Diagnostics;
using Heimnetz.Caching;
using Microsoft.Extensions.Caching.Distributed;

namespace Heimnetz.Probing;

/// <summary>
/// The probe's cache section: starts a <see cref="ResilientCache"/> on what discovery chose and does one real
/// set-and-get, so "redis" in the report means the cache itself worked there, not only that PING did.
/// </summary>
public static class CacheCheck
{
    /// <summary>How long the cache may take to connect to a Redis that already answered PING before the probe reports memory mode; generous, since only a starved machine needs it.</summary>
    public static readonly TimeSpan ConnectBudget = TimeSpan.FromSeconds(5);

    /// <summary>Checks the cache on <paramref name="location"/>; memory mode, with the reason, when there is none or it fails.</summary>
    public static async Task<CacheSection> RunAsync(RedisLocation? location, CancellationToken cancellationToken = default)
    {
        if (location is null)
        {
            return new CacheSection("memory", null) { Reason = "no candidate answered as a usable Redis" };
        }

        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // One verification, not a latency-sensitive path: a loaded machine must not turn a working Redis into "memory".
        var options = new HeimnetzCacheOptions { OperationTimeout = TimeSpan.FromSeconds(1), HealthProbeTimeout = TimeSpan.FromSeconds(1) };
        var cache = new ResilientCache(new FixedRedisLocator(location), options);
        await using var owned = cache.ConfigureAwait(false);
        cache.ModeChanged += (_, change) =>
        {
            if (change.NewMode == CacheMode.Redis)
            {
                connected.TrySetResult();
            }
        };

        if (cache.Mode != CacheMode.Redis)
        {
            try
            {
                await connected.Task.WaitAsync(ConnectBudget, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return new CacheSection("memory", null) { Reason = $"the cache could not connect to {location.Endpoint} within {ConnectBudget.TotalSeconds:0} s" };
            }
        }

        var key = $"heimnetz:probe:{Guid.NewGuid():N}";
        var value = "probe"u8.ToArray();
        var clock = Stopwatch.StartNew();
        await cache.SetAsync(key, value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30) }, cancellationToken).ConfigureAwait(false);
        var read = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var roundTrip = Math.Round(clock.Elapsed.TotalMilliseconds, 2);
        await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);

        return cache.Mode == CacheMode.Redis && read is not null && read.AsSpan().SequenceEqual(value)
            ? new CacheSection("redis", roundTrip) { Reason = $"set and get through Redis at {location.Endpoint}" }
            : new CacheSection("memory", roundTrip) { Reason = $"Redis at {location.Endpoint} failed the set-and-get; the cache fell back to memory" };
    }
}
