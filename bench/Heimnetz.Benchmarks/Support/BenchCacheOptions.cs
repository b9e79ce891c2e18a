using System.Diagnostics;
using Heimnetz.Caching;

namespace Heimnetz.Benchmarks.Support;

/// <summary>Options and start-up helpers shared by the throughput benchmarks.</summary>
internal static class BenchCacheOptions
{
    /// <summary>
    /// Timeouts of 1 s instead of 50/100 ms: a thread-pool or GC stall on a busy two-core machine must not trip a failover
    /// in the middle of a throughput measurement. The hot path does the same work whatever the timeout's value.
    /// </summary>
    public static HeimnetzCacheOptions Generous() => new()
    {
        OperationTimeout = TimeSpan.FromSeconds(1),
        HealthProbeTimeout = TimeSpan.FromSeconds(1),
        ConnectTimeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>Blocks until the cache has connected to Redis, or throws after <paramref name="timeout"/>.</summary>
    public static void WaitForRedis(ResilientCache cache, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (cache.Mode != CacheMode.Redis)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"ResilientCache did not connect to Redis within {timeout.TotalSeconds} s: {cache.Status.Reason}");
            }

            Thread.Sleep(10);
        }
    }
}
