using System.Collections.Concurrent;
using Heimnetz.Caching;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;
using static Heimnetz.Tests.Caching.CacheTestSupport;

namespace Heimnetz.Tests.Caching;

[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class ResilientCacheIntegrationTests
{
    private readonly List<IAsyncDisposable> owned = [];

    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    [TearDown]
    public async Task DisposeOwned()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }

        owned.Clear();
    }

    [Test]
    public async Task Get_ServerKilledThenRestartedEmptyOnSamePort_FailsOverAndReturnsReportingNewRunId()
    {
        var server = Own(await RedisServerProcess.StartAsync());
        var port = server.Port;
        var cache = Own(NewCache(new FixedRedisLocator(Loopback(port).Endpoint)));
        await WaitForModeAsync(cache, CacheMode.Redis);
        var firstRunId = cache.Status.RunId;
        await cache.SetAsync("before", Bytes("1"), NoExpiry);

        await server.KillAsync();
        await WaitForModeAsync(cache, CacheMode.Memory);
        await cache.SetAsync("outage", Bytes("2"), NoExpiry);
        var outageRead = Text(await cache.GetAsync("outage"));
        var beforeRead = Text(await cache.GetAsync("before"));

        Own(await RedisServerProcess.StartOnPortAsync(port));
        await WaitForModeAsync(cache, CacheMode.Redis);
        var back = cache.Status.Transitions[^1];

        Assert.Multiple(async () =>
        {
            Assert.That(outageRead, Is.EqualTo("2"), "outage writes are served from memory");
            Assert.That(beforeRead, Is.Null, "memory mode serves nothing from before the outage");
            Assert.That(back.To, Is.EqualTo(CacheMode.Redis));
            Assert.That(back.RunId, Is.Not.EqualTo(firstRunId));
            Assert.That(back.Reason, Does.Contain("new run_id"));
            Assert.That(Text(await cache.GetAsync("outage")), Is.Null, "Discard: nothing written only to memory is served after Redis is back");
        });
    }

    [Test]
    public async Task Get_ServerPausedThenResumed_DiscardServesRedisValueNotOutageWrite()
    {
        var server = Own(await RedisServerProcess.StartAsync());
        var cache = Own(NewCache(new FixedRedisLocator(Loopback(server.Port).Endpoint)));
        await WaitForModeAsync(cache, CacheMode.Redis);
        await cache.SetAsync("k", Bytes("redis"), NoExpiry);

        server.Pause();
        await WaitForModeAsync(cache, CacheMode.Memory);
        await cache.SetAsync("k", Bytes("outage"), NoExpiry);
        var duringOutage = Text(await cache.GetAsync("k"));
        server.Resume();
        await WaitForModeAsync(cache, CacheMode.Redis);

        Assert.Multiple(async () =>
        {
            Assert.That(duringOutage, Is.EqualTo("outage"));
            Assert.That(Text(await cache.GetAsync("k")), Is.EqualTo("redis"));
            Assert.That(cache.Status.Transitions[^1].Reason, Does.Contain("same run_id").And.Contain("Discard"));
            Assert.That(cache.Status.Transitions.Single(t => t.To == CacheMode.Memory).Reason, Does.Contain("no reply"));
        });
    }

    [Test]
    public async Task Set_ServerPausedThenResumed_WriteBackReplaysWritesWithRemainingTtlAndRemovalsAsDeletes()
    {
        var server = Own(await RedisServerProcess.StartAsync());
        var cache = Own(NewCache(new FixedRedisLocator(Loopback(server.Port).Endpoint), o => o.ReturnPolicy = ReturnPolicy.WriteBack));
        await WaitForModeAsync(cache, CacheMode.Redis);
        await cache.SetAsync("gone", Bytes("old"), NoExpiry);
        await cache.SetAsync("k", Bytes("old"), NoExpiry);

        server.Pause();
        await WaitForModeAsync(cache, CacheMode.Memory);
        await cache.SetAsync("k", Bytes("new"), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
        await cache.SetAsync("sliding", Bytes("s"), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(30) });
        await cache.RemoveAsync("gone");
        server.Resume();
        await WaitForModeAsync(cache, CacheMode.Redis);

        await using var raw = await ConnectionMultiplexer.ConnectAsync(server.Endpoint);
        var db = raw.GetDatabase();
        var kTtl = await db.KeyTimeToLiveAsync("k");
        var slidingTtl = await db.KeyTimeToLiveAsync("sliding");
        Assert.Multiple(async () =>
        {
            Assert.That(Text(await cache.GetAsync("k")), Is.EqualTo("new"));
            Assert.That(kTtl, Is.Not.Null.And.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(slidingTtl, Is.Not.Null.And.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)));
            Assert.That((string?)await db.StringGetAsync("sliding"), Does.StartWith("hn2|30000||"), "the sliding window survives the replay");
            Assert.That((string?)await db.StringGetAsync("gone"), Does.Match(@"^hnt\|\d{16}\|$"), "a removal during the outage is replayed as a tombstone");
            Assert.That(await cache.GetAsync("gone"), Is.Null);
            Assert.That(cache.Status.Transitions[^1].Reason, Does.Contain("WriteBack wrote 2, deleted 1, kept 0 newer, failed 0"));
        });
    }

    [Test]
    public async Task Recovery_RedisComesBackAtAnotherPort_LocatorIsAskedAgainAndTransitionNamesNewEndpoint()
    {
        var first = Own(await RedisServerProcess.StartAsync());
        var locator = new SwitchableLocator(Loopback(first.Port));
        var cache = Own(NewCache(locator));
        await WaitForModeAsync(cache, CacheMode.Redis);

        await first.KillAsync();
        await WaitForModeAsync(cache, CacheMode.Memory);
        var second = Own(await RedisServerProcess.StartAsync());
        locator.PointTo(Loopback(second.Port));
        await WaitForModeAsync(cache, CacheMode.Redis);

        var back = cache.Status.Transitions[^1];
        Assert.Multiple(() =>
        {
            Assert.That(back.Endpoint, Is.EqualTo(second.Endpoint));
            Assert.That(back.Reason, Does.Contain("another endpoint").And.Contain(first.Endpoint));
            Assert.That(cache.Status.Endpoint, Is.EqualTo(second.Endpoint));
        });
    }

    [Test]
    public async Task Calls_HundredConcurrentCallersThroughFailoverAndReturn_NoExceptionEscapes()
    {
        var server = Own(await RedisServerProcess.StartAsync());
        var port = server.Port;
        var cache = Own(NewCache(new FixedRedisLocator(Loopback(port).Endpoint)));
        await WaitForModeAsync(cache, CacheMode.Redis);
        var escaped = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            var key = $"caller-{i}";
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await cache.SetAsync(key, Bytes("v"), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(1) });
                    await cache.GetAsync(key);
                    await cache.RefreshAsync(key);
                    cache.Get(key);
                }
                catch (Exception exception)
                {
                    escaped.Enqueue(exception);
                }

                await Task.Delay(5);
            }
        })).ToArray();

        await Task.Delay(200);
        await server.KillAsync();
        await WaitForModeAsync(cache, CacheMode.Memory);
        Own(await RedisServerProcess.StartOnPortAsync(port));
        await WaitForModeAsync(cache, CacheMode.Redis);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        Assert.That(escaped, Is.Empty, () => string.Join(Environment.NewLine, escaped.Take(3)));
    }

    [Test]
    public async Task Expiration_OnRedis_SlidingIsCappedByAbsoluteAndRefreshSlides()
    {
        var server = Own(await RedisServerProcess.StartAsync());
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<ResilientCache>();
        var cache = Own(new ResilientCache(new FixedRedisLocator(Loopback(server.Port).Endpoint), new HeimnetzCacheOptions { OperationTimeout = TimeSpan.FromMilliseconds(500) }, TimeProvider.System, logger));
        await WaitForModeAsync(cache, CacheMode.Redis);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(server.Endpoint);
        var db = raw.GetDatabase();

        await cache.SetAsync("capped", Bytes("c"), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(20) });
        await cache.SetAsync("slides", Bytes("s"), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
        await cache.SetAsync("short", Bytes("x"), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(300) });
        await db.KeyExpireAsync("slides", TimeSpan.FromSeconds(5));
        await cache.RefreshAsync("slides");
        var slidTtl = await db.KeyTimeToLiveAsync("slides");
        await db.KeyExpireAsync("slides", TimeSpan.FromSeconds(5));
        var read = Text(await cache.GetAsync("slides"));
        var slidByGetTtl = await db.KeyTimeToLiveAsync("slides");
        await cache.GetAsync("capped");

        Assert.Multiple(async () =>
        {
            Assert.That(await db.KeyTimeToLiveAsync("capped"), Is.LessThanOrEqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(slidTtl, Is.GreaterThan(TimeSpan.FromMinutes(9)), "RefreshAsync slides the expiry");
            Assert.That(read, Is.EqualTo("s"), () => string.Join("\n", logger.Collector.GetSnapshot().Select(r => r.Message)));
            Assert.That(slidByGetTtl, Is.GreaterThan(TimeSpan.FromMinutes(9)), "Get slides the expiry");
        });
        await WaitUntilAsync(() => cache.Get("short") is null, "the 300 ms entry expires in Redis");
    }

    [Test]
    public async Task Get_OnRedis_SlidesOnlySlidingEntriesBothSyncAndAsync()
    {
        var server = Own(await RedisServerProcess.StartAsync());
        var cache = Own(new ResilientCache(new FixedRedisLocator(Loopback(server.Port).Endpoint), new HeimnetzCacheOptions { OperationTimeout = TimeSpan.FromMilliseconds(500) }));
        await WaitForModeAsync(cache, CacheMode.Redis);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(server.Endpoint);
        var db = raw.GetDatabase();
        await cache.SetAsync("plain", Bytes("p"), NoExpiry);
        await cache.SetAsync("absolute", Bytes("a"), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(20) });
        await cache.SetAsync("slides", Bytes("s"), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
        await db.KeyExpireAsync("slides", TimeSpan.FromSeconds(5));

        var plain = Text(await cache.GetAsync("plain"));
        var absolute = Text(await cache.GetAsync("absolute"));
        // The sync path: SE.Redis completes replies on the thread pool, so on a starved 2-core pool one sync call can miss
        // its timeout and be served from memory (documented); what this test pins down is that a sync read slides.
        string? slid = null;
        await WaitUntilAsync(() => (slid = Text(cache.Get("slides"))) is not null, "a sync Get reads the sliding entry from Redis");

        Assert.Multiple(async () =>
        {
            Assert.That((plain, absolute, slid), Is.EqualTo(("p", "a", "s")));
            Assert.That(await db.KeyTimeToLiveAsync("plain"), Is.Null, "a read gives an entry without expiry none");
            Assert.That(await db.KeyTimeToLiveAsync("absolute"), Is.LessThanOrEqualTo(TimeSpan.FromSeconds(20)), "a read does not extend an absolute expiry");
            Assert.That(await db.KeyTimeToLiveAsync("slides"), Is.GreaterThan(TimeSpan.FromMinutes(9)), "the synchronous Get slides the expiry");
        });
    }

    [Test]
    public async Task Set_OnRedis_OneStringWithHeaderAndExpiryAndARewriteWithoutExpiryClearsIt()
    {
        var server = Own(await RedisServerProcess.StartAsync());
        var cache = Own(new ResilientCache(new FixedRedisLocator(Loopback(server.Port).Endpoint), new HeimnetzCacheOptions { OperationTimeout = TimeSpan.FromMilliseconds(500) }));
        await WaitForModeAsync(cache, CacheMode.Redis);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(server.Endpoint);
        var db = raw.GetDatabase();

        await cache.SetAsync("k", Bytes("first"), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30) });
        var firstType = await db.KeyTypeAsync("k");
        var firstValue = (string?)await db.StringGetAsync("k");
        var firstTtl = await db.KeyTimeToLiveAsync("k");
        await cache.SetAsync("k", Bytes("second"), NoExpiry);

        Assert.Multiple(async () =>
        {
            Assert.That(firstType, Is.EqualTo(RedisType.String));
            Assert.That(firstValue, Does.Match(@"^hn2\|\|\d{13}\|\d{16}\|first$"), "header: no sliding window, the absolute expiry in Unix ms, the write time in Unix µs, then the data");
            Assert.That(firstTtl, Is.Not.Null.And.GreaterThan(TimeSpan.FromSeconds(20)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)));
            Assert.That((string?)await db.StringGetAsync("k"), Does.Match(@"^hn2\|\|\|\d{16}\|second$"));
            Assert.That(await db.KeyTimeToLiveAsync("k"), Is.Null, "a rewrite without expiry must not inherit the earlier entry's expiry");
            Assert.That(Text(await cache.GetAsync("k")), Is.EqualTo("second"));
        });
    }

    [Test]
    public async Task SetAsync_ManyConcurrentWritersOfDistinctPayloads_EveryValueReadsBackIntact()
    {
        // Writes encode into pooled buffers; one given back before Redis had the bytes would show up here as a mixed value.
        var server = Own(await RedisServerProcess.StartAsync());
        var cache = Own(new ResilientCache(new FixedRedisLocator(Loopback(server.Port).Endpoint), new HeimnetzCacheOptions { OperationTimeout = TimeSpan.FromSeconds(2) }));
        await WaitForModeAsync(cache, CacheMode.Redis);
        var random = new Random(7);
        var payloads = Enumerable.Range(0, 512).Select(i =>
        {
            var bytes = new byte[random.Next(1, 9000)];
            random.NextBytes(bytes);
            return bytes;
        }).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 32).Select(writer => Task.Run(async () =>
        {
            for (var i = writer; i < payloads.Length; i += 32)
            {
                await cache.SetAsync($"p{i}", payloads[i], NoExpiry);
            }
        })));
        var read = await Task.WhenAll(Enumerable.Range(0, payloads.Length).Select(i => cache.GetAsync($"p{i}")));

        Assert.Multiple(() =>
        {
            Assert.That(cache.Mode, Is.EqualTo(CacheMode.Redis), "the values must come from Redis, not from an outage store");
            Assert.That(Enumerable.Range(0, payloads.Length).Where(i => !payloads[i].AsSpan().SequenceEqual(read[i])), Is.Empty, "keys whose value came back different");
        });
    }

    [Test]
    public async Task Get_KeyHoldsAValueOrTypeThisCacheDidNotWrite_MissWithoutFailover()
    {
        var server = Own(await RedisServerProcess.StartAsync());
        var cache = Own(new ResilientCache(new FixedRedisLocator(Loopback(server.Port).Endpoint), new HeimnetzCacheOptions { OperationTimeout = TimeSpan.FromMilliseconds(500), FailureThreshold = 1 }));
        await WaitForModeAsync(cache, CacheMode.Redis);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(server.Endpoint);
        var db = raw.GetDatabase();
        await db.StringSetAsync("foreign", "plain text another program wrote");
        await db.StringSetAsync("garbled", "hn1|12x|3|data");
        await db.HashSetAsync("hash", [new HashEntry("field", "another program's hash")]);

        var foreign = await cache.GetAsync("foreign");
        var garbled = await cache.GetAsync("garbled");
        var hash = await cache.GetAsync("hash");
        await cache.RefreshAsync("hash");
        var modeAfterReads = cache.Mode;
        await cache.SetAsync("hash", Bytes("ours now"), NoExpiry);

        Assert.Multiple(async () =>
        {
            Assert.That((foreign, garbled, hash), Is.EqualTo(((byte[]?)null, (byte[]?)null, (byte[]?)null)), "foreign bytes are never handed to the caller");
            Assert.That(modeAfterReads, Is.EqualTo(CacheMode.Redis), "a foreign value or type is a miss, not a Redis failure");
            Assert.That((string?)await db.StringGetAsync("foreign"), Is.EqualTo("plain text another program wrote"), "a read leaves the value alone");
            Assert.That(Text(await cache.GetAsync("hash")), Is.EqualTo("ours now"), "a write replaces whatever type the key held");
        });
    }

    [Test]
    public async Task ModeChanged_HandlerThrows_CacheKeepsWorkingAndOtherHandlersSeeTransitions()
    {
        var server = Own(await RedisServerProcess.StartAsync());
        var cache = Own(NewCache(new FixedRedisLocator(Loopback(server.Port).Endpoint)));
        var seen = new ConcurrentQueue<CacheModeChangedEventArgs>();
        cache.ModeChanged += (_, _) => throw new InvalidOperationException("a subscriber's bug");
        cache.ModeChanged += (_, e) => seen.Enqueue(e);
        await WaitForModeAsync(cache, CacheMode.Redis);

        await server.KillAsync();
        await WaitForModeAsync(cache, CacheMode.Memory);
        await cache.SetAsync("k", Bytes("v"), NoExpiry);

        var events = seen.ToArray();
        Assert.Multiple(async () =>
        {
            // The first connect may happen before the handlers are added; the failover cannot.
            Assert.That((events[^1].OldMode, events[^1].NewMode), Is.EqualTo((CacheMode.Redis, CacheMode.Memory)));
            Assert.That(events[^1].Endpoint, Is.EqualTo(server.Endpoint));
            Assert.That(events[^1].Reason, Is.Not.Empty);
            Assert.That(Text(await cache.GetAsync("k")), Is.EqualTo("v"));
        });
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        owned.Add(disposable);
        return disposable;
    }

    private static ResilientCache NewCache(IRedisLocator locator, Action<HeimnetzCacheOptions>? configure = null)
    {
        // Generous timeouts: on a busy shared machine a 50 ms call can miss its deadline and be served from memory,
        // which is correct behaviour but would make assertions about what reached Redis flaky.
        var options = new HeimnetzCacheOptions { OperationTimeout = TimeSpan.FromMilliseconds(500), HealthProbeTimeout = TimeSpan.FromMilliseconds(500) };
        configure?.Invoke(options);
        return new ResilientCache(locator, options);
    }
}
