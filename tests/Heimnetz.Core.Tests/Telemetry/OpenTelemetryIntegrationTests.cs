using System.Diagnostics;
using Heimnetz.Caching;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Telemetry;
using Heimnetz.Tests.Caching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Heimnetz.Tests.Telemetry;

/// <summary>The wiring docs/observability.md shows, collected with OpenTelemetry's in-memory exporter against a real redis-server.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class OpenTelemetryIntegrationTests
{
    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    [Test]
    public async Task AddMeterAndAddSource_CacheOnDiscoveredRedis_ExportsSecondsDurationsNamespacedAttributesAndTheDiscoveryActivity()
    {
        // Given: OpenTelemetry listening to Heimnetz's meter and activity source, as docs/observability.md wires it
        var metrics = new List<Metric>();
        var activities = new List<Activity>();
        using var meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter(HeimnetzTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(HeimnetzTelemetry.ActivitySourceName).AddInMemoryExporter(activities).Build();

        // and an app whose discovery must pass a dead candidate to reach the live Redis
        await using var redis = await RedisServerProcess.StartAsync();
        var dead = $"127.0.0.1:{RedisServerProcess.FreeLoopbackPort()}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HEIMNETZ_REDIS_CANDIDATES"] = $"{dead},{redis.Endpoint}",
            // Generous: on a busy machine a 50 ms call that misses its deadline is served by memory, which is not what this test is about.
            ["Heimnetz:Cache:OperationTimeout"] = "00:00:01",
            ["Heimnetz:Cache:HealthProbeTimeout"] = "00:00:01",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddHeimnetzCache(configuration);
        await using var provider = services.BuildServiceProvider();

        // When: the cache reaches Redis and serves a set and a get
        var cache = provider.GetRequiredService<ResilientCache>();
        await CacheTestSupport.WaitForModeAsync(cache, CacheMode.Redis);
        await cache.SetStringAsync("otel-key", "v");
        _ = await cache.GetStringAsync("otel-key");
        meterProvider.ForceFlush();
        tracerProvider.ForceFlush();

        // Then: durations in seconds with namespaced attributes
        var duration = metrics.Last(metric => metric.Name == "heimnetz.cache.operation.duration");
        var points = new List<(string? Operation, string? Mode, double Sum)>();
        foreach (ref readonly var point in duration.GetMetricPoints())
        {
            string? operation = null, mode = null;
            foreach (var tag in point.Tags)
            {
                operation = tag.Key == "heimnetz.cache.operation" ? tag.Value as string : operation;
                mode = tag.Key == "heimnetz.cache.mode" ? tag.Value as string : mode;
            }

            points.Add((operation, mode, point.GetHistogramSum()));
        }

        // and one discovery activity naming both candidates and the chosen one
        var discovery = activities.Where(activity => activity.OperationName == "heimnetz.discovery")
            .Last(activity => activity.GetTagItem("heimnetz.discovery.chosen") as string == redis.Endpoint);
        var candidates = discovery.Events.Where(e => e.Name == "heimnetz.discovery.candidate")
            .ToDictionary(e => (string)e.Tags.Single(tag => tag.Key == "heimnetz.redis.endpoint").Value!, e => (string)e.Tags.Single(tag => tag.Key == "heimnetz.discovery.outcome").Value!);
        Assert.Multiple(() =>
        {
            Assert.That(duration.Unit, Is.EqualTo("s"));
            Assert.That(duration.MeterName, Is.EqualTo("Heimnetz.Cache"));
            Assert.That(points.Select(point => (point.Operation, point.Mode)), Does.Contain(("set", "redis")).And.Contain(("get", "redis")));
            // A loopback set takes far less than a second and more than nothing: a value in milliseconds would be ~1000x larger.
            Assert.That(points.Where(point => point.Operation == "set").Max(point => point.Sum), Is.GreaterThan(0).And.LessThan(1));
            Assert.That(metrics.Select(metric => metric.Name), Does.Contain("heimnetz.cache.mode"));
            Assert.That(discovery.Source.Name, Is.EqualTo("Heimnetz"));
            Assert.That(candidates, Is.EqualTo(new Dictionary<string, string> { [dead] = "refused", [redis.Endpoint] = "ready" }));
        });
    }

    [Test]
    public async Task AddSource_RedisGoesAwayAndComesBack_ExportsAFailoverAndAReturnActivity()
    {
        // Given: a listener on Heimnetz's activity source, and a cache on a real redis-server
        var activities = new List<Activity>();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(HeimnetzTelemetry.ActivitySourceName).AddInMemoryExporter(activities).Build();
        await using var redis = await RedisServerProcess.StartAsync();
        var options = new HeimnetzCacheOptions
        {
            FailureThreshold = 1,
            RecoveryBaseDelay = TimeSpan.FromMilliseconds(10),
            RecoveryMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        await using var cache = new ResilientCache(new FixedRedisLocator(CacheTestSupport.Loopback(redis.Port).Endpoint), options, TimeProvider.System);
        await CacheTestSupport.WaitForModeAsync(cache, CacheMode.Redis);

        // When: the server dies, a call fails over, and the server comes back
        await redis.KillAsync();
        await CacheTestSupport.WaitUntilAsync(() => cache.Mode == CacheMode.Memory, "the failover", poke: () => cache.SetStringAsync("k", "v"));
        await redis.RestartAsync();
        await CacheTestSupport.WaitForModeAsync(cache, CacheMode.Redis);
        tracerProvider.ForceFlush();

        // Then: one activity marks the failover with its reason, and one spans each return (the first connect is one too),
        // all naming this server (the listener hears every cache in the process)
        var ours = activities.Where(activity => activity.GetTagItem("heimnetz.redis.endpoint") as string == redis.Endpoint).ToList();
        var failover = ours.Single(activity => activity.OperationName == "heimnetz.cache.failover");
        var returns = ours.Where(activity => activity.OperationName == "heimnetz.cache.return").ToList();
        Assert.That(returns, Has.Count.EqualTo(2), "the first connect and the return after the outage");
        var returned = returns[^1];
        Assert.Multiple(() =>
        {
            Assert.That(failover.GetTagItem("heimnetz.redis.endpoint"), Is.EqualTo(redis.Endpoint));
            Assert.That(failover.GetTagItem("heimnetz.cache.mode"), Is.EqualTo("memory"));
            Assert.That(failover.GetTagItem("heimnetz.cache.reason") as string, Is.Not.Empty);
            Assert.That(returned.GetTagItem("heimnetz.redis.endpoint"), Is.EqualTo(redis.Endpoint));
            Assert.That(returned.GetTagItem("heimnetz.cache.mode"), Is.EqualTo("redis"));
            Assert.That(returned.StartTimeUtc, Is.GreaterThan(failover.StartTimeUtc));
        });
    }
}
