using Heimnetz.Caching;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Caching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Heimnetz.Tests.Hosting;

[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class HeimnetzCacheDiscoveryIntegrationTests
{
    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    [Test]
    public async Task AddHeimnetzCache_NoEndpoint_DiscoversRedisFromTheAppConfiguration()
    {
        // Given: no endpoint and no locator, only the app's configuration naming where Redis may be (with a password)
        await using var redis = await RedisServerProcess.StartAsync("--requirepass", "discovered-secret");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HEIMNETZ_REDIS_CANDIDATES"] = $"127.0.0.1:{RedisServerProcess.FreeLoopbackPort()},{redis.Endpoint}",
            ["REDIS_PASSWORD"] = "discovered-secret",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddHeimnetzCache(configuration);
        await using var provider = services.BuildServiceProvider();

        // When
        var cache = provider.GetRequiredService<ResilientCache>();
        await CacheTestSupport.WaitForModeAsync(cache, CacheMode.Redis);
        await provider.GetRequiredService<IDistributedCache>().SetStringAsync("k", "v");

        // Then: discovery skipped the dead first candidate, and the value is in the Redis it chose
        await using var direct = await ConnectionMultiplexer.ConnectAsync($"{redis.Endpoint},password=discovered-secret");
        var stored = await direct.GetDatabase().KeyExistsAsync("k");
        Assert.Multiple(() =>
        {
            Assert.That(cache.Status.Endpoint, Is.EqualTo(redis.Endpoint));
            Assert.That(stored, Is.True);
        });
    }
}
