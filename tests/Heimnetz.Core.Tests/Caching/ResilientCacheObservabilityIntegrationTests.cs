using Heimnetz.Caching;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using static Heimnetz.Tests.Caching.CacheTestSupport;

namespace Heimnetz.Tests.Caching;

[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class ResilientCacheObservabilityIntegrationTests
{
    private const string Password = "pa55-w0rd-never-shown";

    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    [Test]
    public async Task Failover_WithPasswordProtectedRedis_MetricsLogsEventsAndHealthTellTheStoryWithoutThePassword()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", Password);
        var logger = new FakeLogger<ResilientCache>();
        var options = new HeimnetzCacheOptions { OperationTimeout = TimeSpan.FromMilliseconds(500), HealthProbeTimeout = TimeSpan.FromMilliseconds(500) };
        await using var cache = new ResilientCache(new FixedRedisLocator(Loopback(server.Port, Password)), options, TimeProvider.System, logger);
        using var failovers = new MetricCollector<long>(cache.Meter, "heimnetz.cache.failovers");
        using var fallbackHits = new MetricCollector<long>(cache.Meter, "heimnetz.cache.fallback_hits");
        using var durations = new MetricCollector<double>(cache.Meter, "heimnetz.cache.operation.duration");
        using var mode = new MetricCollector<int>(cache.Meter, "heimnetz.cache.mode");
        var events = new List<CacheModeChangedEventArgs>();
        cache.ModeChanged += (_, e) => { lock (events) { events.Add(e); } };
        var health = new HeimnetzCacheHealthCheck(cache);

        await WaitForModeAsync(cache, CacheMode.Redis);
        await cache.SetAsync("k", Bytes("v"), NoExpiry);
        mode.RecordObservableInstruments();
        var modeOnRedis = mode.LastMeasurement?.Value;
        var healthOnRedis = await health.CheckHealthAsync(new HealthCheckContext());

        await server.KillAsync();
        await WaitForModeAsync(cache, CacheMode.Memory);
        await cache.GetAsync("k");
        mode.RecordObservableInstruments();
        var modeOnMemory = mode.LastMeasurement?.Value;
        var healthOnMemory = await health.CheckHealthAsync(new HealthCheckContext());

        var everything = string.Join(
            Environment.NewLine,
            logger.Collector.GetSnapshot().Select(r => r.Message + " " + r.Exception)
                .Concat(events.Select(e => $"{e.Reason} {e.Endpoint} {e.RunId}"))
                .Append(healthOnMemory.Description)
                .Append(cache.Status.ToString()));
        Assert.Multiple(() =>
        {
            Assert.That(modeOnRedis, Is.EqualTo(1));
            Assert.That(modeOnMemory, Is.EqualTo(0));
            Assert.That(failovers.GetMeasurementSnapshot().Sum(m => m.Value), Is.EqualTo(1));
            Assert.That(fallbackHits.GetMeasurementSnapshot().Sum(m => m.Value), Is.GreaterThanOrEqualTo(1));
            Assert.That(durations.GetMeasurementSnapshot().Any(m => m.Tags["heimnetz.cache.mode"] as string == "redis" && m.Tags["heimnetz.cache.operation"] as string == "set"));
            Assert.That(durations.GetMeasurementSnapshot().Any(m => m.Tags["heimnetz.cache.mode"] as string == "memory" && m.Tags["heimnetz.cache.operation"] as string == "get"));
            Assert.That(healthOnRedis.Status, Is.EqualTo(HealthStatus.Healthy));
            Assert.That(healthOnMemory.Status, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(logger.Collector.GetSnapshot().Select(r => r.Id.Name), Does.Contain("CacheFailedOver").And.Contain("CacheReturnedToRedis"));
            Assert.That(events[^1].NewMode, Is.EqualTo(CacheMode.Memory), "the first connect may precede the subscription; the failover cannot");
            Assert.That(events[^1].Endpoint, Is.EqualTo(server.Endpoint));
            Assert.That(everything, Does.Not.Contain(Password));
        });
    }
}
