using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Heimnetz.Benchmarks.Support;
using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Heimnetz.Benchmarks.Caching;

/// <summary>
/// GET and SET against one real redis-server on loopback: Heimnetz's <see cref="ResilientCache"/> next to what a user
/// would pick instead, raw StackExchange.Redis (the baseline) and Microsoft's <see cref="RedisCache"/>.
/// One invocation is <see cref="Operations"/> calls spread over <see cref="Callers"/> concurrent callers,
/// so the reported time is per call and its inverse is throughput.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RedisCacheBenchmarks
{
    public const int Operations = 256;
    private const int Keys = 16;

    private RedisServerProcess? server;
    private ConnectionMultiplexer? multiplexer;
    private IDatabase? database;
    private ResilientCache? heimnetz;
    private RedisCache? microsoft;
    private byte[] payload = [];
    private RedisValue rawPayload;
    private string[] keys = [];
    private int failovers;
    private readonly DistributedCacheEntryOptions entryOptions = new();

    [Params(100, 4096)]
    public int PayloadBytes { get; set; }

    [Params(1, 64)]
    public int Callers { get; set; }

    [GlobalSetup(Targets = [nameof(Raw_Get), nameof(Raw_Set)])]
    public void SetupRaw()
    {
        Prepare("raw");
        multiplexer = ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { server!.Endpoint }, AbortOnConnectFail = false });
        database = multiplexer.GetDatabase();
        foreach (var key in keys)
        {
            database.StringSet(key, rawPayload);
        }
    }

    [GlobalSetup(Targets = [nameof(Heimnetz_Get), nameof(Heimnetz_Set)])]
    public void SetupHeimnetz()
    {
        Prepare("heimnetz");
        heimnetz = new ResilientCache(new FixedRedisLocator(new RedisEndpoint("127.0.0.1", server!.Port)), BenchCacheOptions.Generous());
        heimnetz.ModeChanged += (_, change) =>
        {
            if (change.NewMode == CacheMode.Memory)
            {
                Interlocked.Increment(ref failovers);
            }
        };
        BenchCacheOptions.WaitForRedis(heimnetz, TimeSpan.FromSeconds(10));
        foreach (var key in keys)
        {
            heimnetz.Set(key, payload, entryOptions);
        }
    }

    [GlobalSetup(Targets = [nameof(RedisCache_Get), nameof(RedisCache_Set)])]
    public void SetupRedisCache()
    {
        Prepare("rediscache");
        microsoft = new RedisCache(Options.Create(new RedisCacheOptions { Configuration = server!.Endpoint }));
        foreach (var key in keys)
        {
            microsoft.Set(key, payload, entryOptions);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        multiplexer?.Dispose();
        heimnetz?.Dispose();
        microsoft?.Dispose();
        server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        (multiplexer, database, heimnetz, microsoft, server) = (null, null, null, null, null);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations), BenchmarkCategory("Get")]
    public Task Raw_Get() => Load.RunAsync(Callers, Operations, i => database!.StringGetAsync(keys[i % Keys]));

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("Get")]
    public async Task Heimnetz_Get()
    {
        await Load.RunAsync(Callers, Operations, i => heimnetz!.GetAsync(keys[i % Keys]));
        EnsureStillOnRedis();
    }

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("Get")]
    public Task RedisCache_Get() => Load.RunAsync(Callers, Operations, i => microsoft!.GetAsync(keys[i % Keys]));

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations), BenchmarkCategory("Set")]
    public Task Raw_Set() => Load.RunAsync(Callers, Operations, i => database!.StringSetAsync(keys[i % Keys], rawPayload));

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("Set")]
    public async Task Heimnetz_Set()
    {
        await Load.RunAsync(Callers, Operations, i => heimnetz!.SetAsync(keys[i % Keys], payload, entryOptions));
        EnsureStillOnRedis();
    }

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("Set")]
    public Task RedisCache_Set() => Load.RunAsync(Callers, Operations, i => microsoft!.SetAsync(keys[i % Keys], payload, entryOptions));

    private void Prepare(string client)
    {
        server = RedisServerProcess.StartAsync().GetAwaiter().GetResult();
        payload = new byte[PayloadBytes];
        new Random(PayloadBytes).NextBytes(payload);
        rawPayload = payload;
        keys = [.. Enumerable.Range(0, Keys).Select(i => $"bench:{client}:{i}")];
        failovers = 0;
    }

    // A call served from memory would make Heimnetz look faster than it is on Redis: such a run fails instead of reporting.
    private void EnsureStillOnRedis()
    {
        if (Volatile.Read(ref failovers) != 0 || heimnetz!.Mode != CacheMode.Redis)
        {
            throw new InvalidOperationException($"ResilientCache left Redis during the measurement ({heimnetz!.Status.Reason}); the result would not be a Redis figure.");
        }
    }
}
