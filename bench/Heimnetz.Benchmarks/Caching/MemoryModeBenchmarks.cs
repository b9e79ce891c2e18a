using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Heimnetz.Benchmarks.Support;
using Heimnetz.Caching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;

namespace Heimnetz.Benchmarks.Caching;

/// <summary>
/// <see cref="ResilientCache"/> in memory mode (its locator finds no Redis) next to a plain <see cref="MemoryCache"/> of byte arrays
/// (the baseline): what an outage costs per call compared with an application that only ever caches in memory.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MemoryModeBenchmarks
{
    private const int Keys = 16;

    private readonly DistributedCacheEntryOptions entryOptions = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) };
    private readonly MemoryCacheEntryOptions memoryOptions = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) };
    private readonly string[] keys = [.. Enumerable.Range(0, Keys).Select(i => $"bench:memory:{i}")];
    private readonly byte[] payload = new byte[100];
    private ResilientCache? heimnetz;
    private MemoryCache? memory;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        heimnetz = new ResilientCache(new NoRedisLocator(), new HeimnetzCacheOptions());
        memory = new MemoryCache(new MemoryCacheOptions());
        foreach (var key in keys)
        {
            heimnetz.Set(key, payload, entryOptions);
            memory.Set(key, payload, memoryOptions);
        }

        if (heimnetz.Mode != CacheMode.Memory || heimnetz.Get(keys[0]) is null)
        {
            throw new InvalidOperationException("ResilientCache is expected in memory mode with the keys it was given.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        heimnetz?.Dispose();
        memory?.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public byte[]? MemoryCache_Get() => memory!.TryGetValue(NextKey(), out byte[]? value) ? value : null;

    [Benchmark, BenchmarkCategory("Get")]
    public byte[]? Heimnetz_Get() => heimnetz!.Get(NextKey());

    [Benchmark, BenchmarkCategory("Get")]
    public Task<byte[]?> Heimnetz_GetAsync() => heimnetz!.GetAsync(NextKey());

    [Benchmark(Baseline = true), BenchmarkCategory("Set")]
    public byte[] MemoryCache_Set() => memory!.Set(NextKey(), payload, memoryOptions);

    [Benchmark, BenchmarkCategory("Set")]
    public void Heimnetz_Set() => heimnetz!.Set(NextKey(), payload, entryOptions);

    [Benchmark, BenchmarkCategory("Set")]
    public Task Heimnetz_SetAsync() => heimnetz!.SetAsync(NextKey(), payload, entryOptions);

    private string NextKey() => keys[next++ & (Keys - 1)];
}
