using System.Diagnostics;
using Heimnetz.Benchmarks.Support;
using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Heimnetz.Benchmarks.Failover;

/// <summary>One of the three clients under the same load: a set and a get, each either succeeding or throwing.</summary>
internal abstract class FailoverClient : IAsyncDisposable
{
    public const string HeimnetzName = "heimnetz";
    public const string StackExchangeName = "stackexchange-redis";
    public const string RedisCacheName = "rediscache";

    public static IReadOnlyList<string> Names { get; } = [HeimnetzName, StackExchangeName, RedisCacheName];

    public abstract string Name { get; }

    /// <summary>Stopwatch timestamps of the client's own switches (Heimnetz only: to memory, back to Redis).</summary>
    public virtual IReadOnlyList<(long Timestamp, bool ToRedis)> Switches => [];

    public abstract Task SetAsync(string key, byte[] value);

    public abstract Task GetAsync(string key);

    public abstract ValueTask DisposeAsync();

    public static async Task<FailoverClient> CreateAsync(string name, RedisServerProcess server) => name switch
    {
        HeimnetzName => HeimnetzClient.Create(server),
        StackExchangeName => await StackExchangeClient.CreateAsync(server),
        RedisCacheName => await MicrosoftClient.CreateAsync(server),
        _ => throw new ArgumentException($"Unknown client '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>Heimnetz's cache with its defaults: what the failover targets are about.</summary>
    private sealed class HeimnetzClient : FailoverClient
    {
        private readonly ResilientCache cache;
        private readonly List<(long, bool)> switches = [];
        private readonly DistributedCacheEntryOptions entryOptions = new();

        private HeimnetzClient(ResilientCache cache)
        {
            this.cache = cache;
            cache.ModeChanged += (_, change) =>
            {
                var now = Stopwatch.GetTimestamp();
                lock (switches)
                {
                    switches.Add((now, change.NewMode == CacheMode.Redis));
                }
            };
        }

        public override string Name => HeimnetzName;

        public override IReadOnlyList<(long Timestamp, bool ToRedis)> Switches
        {
            get
            {
                lock (switches)
                {
                    return [.. switches];
                }
            }
        }

        public static HeimnetzClient Create(RedisServerProcess server)
        {
            var client = new HeimnetzClient(new ResilientCache(new FixedRedisLocator(new RedisEndpoint("127.0.0.1", server.Port)), new HeimnetzCacheOptions()));
            BenchCacheOptions.WaitForRedis(client.cache, TimeSpan.FromSeconds(10));
            return client;
        }

        public override Task SetAsync(string key, byte[] value) => cache.SetAsync(key, value, entryOptions);

        public override Task GetAsync(string key) => cache.GetAsync(key);

        public override ValueTask DisposeAsync() => cache.DisposeAsync();
    }

    /// <summary>Plain StackExchange.Redis: AbortOnConnectFail=false (so it survives a restart), everything else its default.</summary>
    private sealed class StackExchangeClient(ConnectionMultiplexer multiplexer) : FailoverClient
    {
        private readonly IDatabase database = multiplexer.GetDatabase();

        public override string Name => StackExchangeName;

        public static async Task<StackExchangeClient> CreateAsync(RedisServerProcess server) =>
            new(await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { server.Endpoint }, AbortOnConnectFail = false }));

        public override Task SetAsync(string key, byte[] value) => database.StringSetAsync(key, value);

        public override Task GetAsync(string key) => database.StringGetAsync(key);

        public override ValueTask DisposeAsync() => multiplexer.DisposeAsync();
    }

    /// <summary>Microsoft's RedisCache with its defaults; it connects on first use, so creation makes one call.</summary>
    private sealed class MicrosoftClient(RedisCache cache) : FailoverClient
    {
        private readonly DistributedCacheEntryOptions entryOptions = new();

        public override string Name => RedisCacheName;

        public static async Task<MicrosoftClient> CreateAsync(RedisServerProcess server)
        {
            var client = new MicrosoftClient(new RedisCache(Options.Create(new RedisCacheOptions { Configuration = server.Endpoint })));
            await client.GetAsync("bench:connect");
            return client;
        }

        public override Task SetAsync(string key, byte[] value) => cache.SetAsync(key, value, entryOptions);

        public override Task GetAsync(string key) => cache.GetAsync(key);

        public override ValueTask DisposeAsync()
        {
            cache.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
