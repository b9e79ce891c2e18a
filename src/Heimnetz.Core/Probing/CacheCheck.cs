using System.Diagnostics;
using Heimnetz.Caching;
using Microsoft.Extensions.Caching.Distributed;

namespace Heimnetz.Probing;

/// <summary>
/// The probe's cache section: starts a <see cref="ResilientCache"/> on what discovery chose and does one real
/// set-and-get, so "redis" in the report means the cache itself worked there, not only that PING did.
/// </summary>
internal static class CacheCheck
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

        // One verification, not a latency-sensitive path: a loaded machine must not turn a working Redis into "memory".
        var options = new HeimnetzCacheOptions { OperationTimeout = TimeSpan.FromSeconds(1), HealthProbeTimeout = TimeSpan.FromSeconds(1) };
        var cache = new ResilientCache(new FixedRedisLocator(location), options);
        await using var owned = cache.ConfigureAwait(false);
        try
        {
            await WaitForRedisAsync(cache, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new CacheSection("memory", null) { Reason = $"the cache could not connect to {location.Endpoint} within {ConnectBudget.TotalSeconds:0} s" };
        }

        // A round trip that misses its deadline on a starved process is one lost race: try once more before memory.
        var first = await RoundTripAsync(cache, cancellationToken).ConfigureAwait(false);
        if (first.Passed)
        {
            return first.Section(location, attempts: 1);
        }

        try
        {
            await WaitForRedisAsync(cache, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return first.Section(location, attempts: 1);
        }

        return (await RoundTripAsync(cache, cancellationToken).ConfigureAwait(false)).Section(location, attempts: 2);
    }

    /// <summary>Returns once the cache is on Redis; throws <see cref="TimeoutException"/> after <see cref="ConnectBudget"/>.</summary>
    private static async Task WaitForRedisAsync(ResilientCache cache, CancellationToken cancellationToken)
    {
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cache.ModeChanged += (_, change) =>
        {
            if (change.NewMode == CacheMode.Redis)
            {
                back.TrySetResult();
            }
        };

        if (cache.Mode != CacheMode.Redis)
        {
            await back.Task.WaitAsync(ConnectBudget, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<RoundTrip> RoundTripAsync(ResilientCache cache, CancellationToken cancellationToken)
    {
        var key = $"heimnetz:probe:{Guid.NewGuid():N}";
        var value = "probe"u8.ToArray();
        var clock = Stopwatch.StartNew();
        await cache.SetAsync(key, value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30) }, cancellationToken).ConfigureAwait(false);
        var read = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var roundTrip = Math.Round(clock.Elapsed.TotalMilliseconds, 2);
        await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        return new RoundTrip(cache.Mode == CacheMode.Redis && read is not null && read.AsSpan().SequenceEqual(value), roundTrip);
    }

    private sealed record RoundTrip(bool Passed, double Milliseconds)
    {
        public CacheSection Section(RedisLocation location, int attempts) => Passed
            ? new CacheSection("redis", Milliseconds) { Reason = attempts == 1 ? $"set and get through Redis at {location.Endpoint}" : $"set and get through Redis at {location.Endpoint} (the first round trip missed its deadline; the second passed)" }
            : new CacheSection("memory", Milliseconds) { Reason = $"Redis at {location.Endpoint} failed the set-and-get {(attempts == 1 ? "once" : "twice")}; the cache fell back to memory" };
    }
}
