using Heimnetz.Caching;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;
using static Heimnetz.Tests.Caching.CacheTestSupport;

namespace Heimnetz.Tests.Caching;

/// <summary><see cref="HeimnetzCacheOptions.InstanceName"/> and <see cref="HeimnetzCacheOptions.Database"/> reach every command the cache sends.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class ResilientCacheKeyspaceIntegrationTests
{
    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    [Test]
    public async Task Calls_InstanceNameAndDatabase_EveryCommandAndTheWriteBackUseThePrefixedKeyInThatDatabase()
    {
        // Given a cache with a key prefix and database 3 that writes back after an outage
        await using var server = await RedisServerProcess.StartAsync();
        await using var cache = new ResilientCache(
            new FixedRedisLocator(Loopback(server.Port).Endpoint),
            new HeimnetzCacheOptions { InstanceName = "app1:", Database = 3, ReturnPolicy = ReturnPolicy.WriteBack });
        await WaitForModeAsync(cache, CacheMode.Redis);

        // When it writes, reads, slides and removes synchronously and asynchronously, then writes during an outage
        var sliding = new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(5) };
        cache.Set("sync", Bytes("1"), NoExpiry);
        await cache.SetAsync("async", Bytes("2"), sliding);
        var syncRead = Text(cache.Get("async"));
        var asyncRead = Text(await cache.GetAsync("sync"));
        await cache.RefreshAsync("async");
        await cache.RemoveAsync("sync");
        server.Pause();
        await WaitForModeAsync(cache, CacheMode.Memory);
        await cache.SetAsync("outage", Bytes("3"), NoExpiry);
        server.Resume();
        await WaitForModeAsync(cache, CacheMode.Redis);

        // Then Redis holds exactly the prefixed keys, in database 3 only
        await using var raw = await ConnectionMultiplexer.ConnectAsync(server.Endpoint);
        var keys = raw.GetServer(raw.GetEndPoints()[0]).Keys(3).Select(key => (string)key!).Order(StringComparer.Ordinal).ToList();
        var db3 = raw.GetDatabase(3);
        Assert.Multiple(async () =>
        {
            Assert.That(syncRead, Is.EqualTo("2"));
            Assert.That(asyncRead, Is.EqualTo("1"));
            Assert.That(keys, Is.EqualTo(new[] { "app1:async", "app1:outage", "app1:sync" }));
            Assert.That(await raw.GetDatabase(0).ExecuteAsync("DBSIZE"), Has.Property("IsNull").False.And.Matches<RedisResult>(r => (long)r == 0), "nothing in database 0");
            Assert.That((string?)await db3.StringGetAsync("app1:sync"), Does.Match(@"^hnt\|\d{16}\|$"), "the removal is a tombstone under the prefix");
            Assert.That((string?)await db3.StringGetAsync("app1:async"), Does.StartWith("hn2|300000||"));
            Assert.That((string?)await db3.StringGetAsync("app1:outage"), Does.StartWith("hn2|").And.EndWith("|3"), "the write-back wrote the prefixed key");
            Assert.That(Text(await cache.GetAsync("outage")), Is.EqualTo("3"));
        });
    }

    [Test]
    public async Task Recovery_DatabaseTheServerDoesNotHave_StaysInMemorySayingSo()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var cache = new ResilientCache(new FixedRedisLocator(Loopback(server.Port).Endpoint), new HeimnetzCacheOptions { Database = 99 });

        await WaitUntilAsync(() => cache.Status.Reason.Contains("database 99", StringComparison.Ordinal), "the reason names the database", explain: () => cache.Status.Reason);

        Assert.That(cache.Mode, Is.EqualTo(CacheMode.Memory));
    }
}
