using Heimnetz.Caching;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Caching;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Heimnetz.Tests.Hosting;

/// <summary>HybridCache over Heimnetz, set up as docs/caching.md shows it: Redis as L2 while it answers, L1 untouched by an outage.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class HybridCacheIntegrationTests
{
    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    [Test]
    public async Task GetOrCreateAsync_RedisStopsAfterAnEntryWasCached_L1KeepsServingItAndNewEntriesNeverThrow()
    {
        // Given: HybridCache over Heimnetz on a live Redis, and one entry created through it
        await using var redis = await RedisServerProcess.StartAsync();
        var services = new ServiceCollection();
        services.AddHeimnetzCache(options =>
        {
            options.Endpoint = redis.Endpoint;
            // Generous: on a busy machine a 50 ms write that misses its deadline is served by memory, which is not what this test is about.
            options.OperationTimeout = TimeSpan.FromSeconds(1);
            options.HealthProbeTimeout = TimeSpan.FromSeconds(1);
        });
        services.AddHybridCache(options => options.DefaultEntryOptions = new HybridCacheEntryOptions
        {
            Expiration = TimeSpan.FromMinutes(5),
            LocalCacheExpiration = TimeSpan.FromMinutes(5),
        });
        await using var provider = services.BuildServiceProvider();
        var heimnetz = provider.GetRequiredService<ResilientCache>();
        var hybrid = provider.GetRequiredService<HybridCache>();
        await CacheTestSupport.WaitForModeAsync(heimnetz, CacheMode.Redis);
        var calls = 0;
        ValueTask<string> Factory(string value)
        {
            Interlocked.Increment(ref calls);
            return ValueTask.FromResult(value);
        }

        var before = await hybrid.GetOrCreateAsync("hybrid:kept", _ => Factory("from-before"));
        await using (var direct = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint))
        {
            // Polled: HybridCache may finish its L2 write after GetOrCreateAsync has returned.
            var stored = false;
            await CacheTestSupport.WaitUntilAsync(() => stored, "HybridCache's L2 entry in Redis", async () => stored = await direct.GetDatabase().KeyExistsAsync("hybrid:kept"));
        }

        // When: Redis goes away and the cache fails over to memory
        await redis.KillAsync();
        await CacheTestSupport.WaitForModeAsync(heimnetz, CacheMode.Memory);
        var kept = await hybrid.GetOrCreateAsync("hybrid:kept", _ => Factory("would-replace"));
        var created = await hybrid.GetOrCreateAsync("hybrid:new", _ => Factory("during-outage"));
        var createdAgain = await hybrid.GetOrCreateAsync("hybrid:new", _ => Factory("would-replace"));

        // Then: L1 served the old entry without the factory; a new entry was created once and then served from L1
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo("from-before"));
            Assert.That(kept, Is.EqualTo("from-before"));
            Assert.That((created, createdAgain), Is.EqualTo(("during-outage", "during-outage")));
            Assert.That(calls, Is.EqualTo(2), "the factory ran for the first entry and for the new one, never to replace a cached value");
            Assert.That(heimnetz.Mode, Is.EqualTo(CacheMode.Memory));
        });
    }
}
