using Heimnetz.Benchmarks.Support;
using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Heimnetz.Benchmarks.Paired;

/// <summary>
/// Every client the paired harness compares, against one redis-server: they take turns, never run at once, so sharing the
/// server is fair. Each client reads and writes its own keys, filled before measuring.
/// </summary>
internal sealed class PairedContenders : IAsyncDisposable
{
    /// <summary>Keys per client; a power of two, so a call picks its key with a mask.</summary>
    public const int Keys = 16;

    private readonly RedisServerProcess server;
    private readonly ConnectionMultiplexer multiplexer;
    private readonly DistributedCacheEntryOptions entryOptions = new();
    private int failovers;

    private PairedContenders(RedisServerProcess server, ConnectionMultiplexer multiplexer, ResilientCache heimnetz, RedisCache redisCache, ResilientCache memoryMode, MemoryCache memoryCache)
    {
        this.server = server;
        this.multiplexer = multiplexer;
        Heimnetz = heimnetz;
        RedisCache = redisCache;
        MemoryMode = memoryMode;
        MemoryCache = memoryCache;
        Raw = multiplexer.GetDatabase();
        heimnetz.ModeChanged += (_, change) =>
        {
            if (change.NewMode == CacheMode.Memory)
            {
                Interlocked.Increment(ref failovers);
            }
        };
    }

    public static string[] RawKeys { get; } = KeysOf("raw");

    public static string[] HeimnetzKeys { get; } = KeysOf("heimnetz");

    public static string[] RedisCacheKeys { get; } = KeysOf("rediscache");

    public static string[] MemoryKeys { get; } = KeysOf("memory");

    public IDatabase Raw { get; }

    public ResilientCache Heimnetz { get; }

    public RedisCache RedisCache { get; }

    /// <summary>A <see cref="ResilientCache"/> whose locator finds no Redis: what every call costs during an outage.</summary>
    public ResilientCache MemoryMode { get; }

    public MemoryCache MemoryCache { get; }

    /// <param name="options">Heimnetz's settings: <see cref="BenchCacheOptions.Generous"/> for the report, the defaults to check them.</param>
    public static async Task<PairedContenders> StartAsync(HeimnetzCacheOptions options)
    {
        var server = await RedisServerProcess.StartAsync();
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { server.Endpoint }, AbortOnConnectFail = false });
        var heimnetz = new ResilientCache(new FixedRedisLocator(new RedisEndpoint("127.0.0.1", server.Port)), options);
        BenchCacheOptions.WaitForRedis(heimnetz, TimeSpan.FromSeconds(10));
        var redisCache = new RedisCache(Options.Create(new RedisCacheOptions { Configuration = server.Endpoint }));
        var memoryMode = new ResilientCache(new NoRedisLocator(), new HeimnetzCacheOptions());
        return new PairedContenders(server, multiplexer, heimnetz, redisCache, memoryMode, new MemoryCache(new MemoryCacheOptions()));
    }

    /// <summary>A client's keys, built once: formatting a key per call would cost more than a memory-mode read.</summary>
    public static string[] KeysOf(string client) => [.. Enumerable.Range(0, Keys).Select(i => $"bench:paired:{client}:{i}")];

    /// <summary>Writes every key of every client with <paramref name="payload"/>, so reads in the next comparison hit.</summary>
    public async Task FillAsync(byte[] payload)
    {
        for (var i = 0; i < Keys; i++)
        {
            await Raw.StringSetAsync(RawKeys[i], payload);
            await Heimnetz.SetAsync(HeimnetzKeys[i], payload, entryOptions);
            await RedisCache.SetAsync(RedisCacheKeys[i], payload, entryOptions);
            MemoryMode.Set(MemoryKeys[i], payload, entryOptions);
            MemoryCache.Set(MemoryKeys[i], payload);
        }
    }

    public DistributedCacheEntryOptions EntryOptions => entryOptions;

    /// <summary>A comparison that let Heimnetz fall back to memory would compare memory with Redis: fail it instead.</summary>
    public void EnsureHeimnetzOnRedis()
    {
        if (Volatile.Read(ref failovers) != 0 || Heimnetz.Mode != CacheMode.Redis)
        {
            throw new InvalidOperationException($"ResilientCache left Redis during the measurement ({Heimnetz.Status.Reason}); the result would not be a Redis figure.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Heimnetz.DisposeAsync();
        await MemoryMode.DisposeAsync();
        RedisCache.Dispose();
        MemoryCache.Dispose();
        await multiplexer.DisposeAsync();
        await server.DisposeAsync();
    }
}
