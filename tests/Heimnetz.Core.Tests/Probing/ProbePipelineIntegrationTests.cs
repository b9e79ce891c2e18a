using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Probing;
using Heimnetz.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Heimnetz.Tests.Probing;

/// <summary>The one pipeline: what its locators carry and what its log says about each discovery decision.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class ProbePipelineIntegrationTests
{
    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    [Test]
    public async Task CreateLocator_DeadThenLiveCandidate_LogsTheChoiceAndWhyTheOtherLost()
    {
        // Given
        await using var redis = await RedisServerProcess.StartAsync();
        var dead = $"127.0.0.1:{RedisServerProcess.FreeLoopbackPort()}";
        var logger = new FakeLogger();
        var pipeline = await ProbePipeline.PrepareAsync(Sysroot.Live, Configuration(("HEIMNETZ_REDIS_CANDIDATES", $"{dead},{redis.Endpoint}")), logger: logger);

        // When
        var location = await pipeline.CreateLocator().LocateAsync();

        // Then
        var mode = logger.Collector.GetSnapshot().Single(record => record.Id.Name == "DiscoveryMode");
        var chose = logger.Collector.GetSnapshot().Single(record => record.Id.Name == "DiscoveryChose");
        Assert.Multiple(() =>
        {
            Assert.That(location?.Endpoint.ToString(), Is.EqualTo(redis.Endpoint));
            Assert.That(mode.Message, Does.Contain("configured"));
            Assert.That(chose.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(chose.Message, Does.Contain($"chose {redis.Endpoint}").And.Contain($"{dead} refused"));
        });
    }

    [Test]
    public async Task DiscoverAsync_NothingAnswers_WarnsWithEveryCandidateAndNoPassword()
    {
        var dead = $"127.0.0.1:{RedisServerProcess.FreeLoopbackPort()}";
        var logger = new FakeLogger();
        var pipeline = await ProbePipeline.PrepareAsync(Sysroot.Live, Configuration(("REDIS_URL", $"redis://:pipeline-secret-3391@{dead}")), logger: logger);

        var report = await pipeline.DiscoverAsync();

        var none = logger.Collector.GetSnapshot().Single(record => record.Id.Name == "DiscoveryFoundNone");
        Assert.Multiple(() =>
        {
            Assert.That(report?.Chosen, Is.Null);
            Assert.That(none.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(none.Message, Does.Contain(dead).And.Contain("refused"));
            Assert.That(string.Join("\n", logger.Collector.GetSnapshot().Select(record => record.Message)), Does.Not.Contain("pipeline-secret-3391"));
        });
    }

    [Test]
    public async Task CreateFixedLocator_UserAndPasswordAndCaInTheSettings_CarriesThemAll()
    {
        var pipeline = await ProbePipeline.PrepareAsync(Sysroot.Live, Configuration(("REDIS_USERNAME", "app"), ("REDIS_PASSWORD", "fixed-secret")));

        var location = await pipeline.CreateFixedLocator(new RedisEndpoint("127.0.0.1", 6390)).LocateAsync();

        Assert.That(location?.Credentials, Is.EqualTo(new RedisCredentials("app", "fixed-secret")));
    }

    [Test]
    public void MeterName_IsTheCachesMeter() =>
        Assert.That((HeimnetzTelemetry.MeterName, HeimnetzCacheDefaults.MeterName), Is.EqualTo(("Heimnetz.Cache", "Heimnetz.Cache")));

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build();
}
