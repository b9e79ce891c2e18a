using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Caching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Heimnetz.Tests.Hosting;

/// <summary><c>Heimnetz:Redis</c> as options: where discovery's settings come from, binding, code, and validation at start.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class HeimnetzRedisOptionsIntegrationTests
{
    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    [Test]
    [NonParallelizable] // sets a variable in this process's environment, as a console app's user would
    public async Task AddHeimnetzCache_PlainServiceCollectionWithRedisUrlInTheEnvironment_ReachesRedisAndWarnsWhereSettingsCameFrom()
    {
        // Given: a console app's container (no IConfiguration anywhere), REDIS_URL set in the process environment
        await using var redis = await RedisServerProcess.StartAsync();
        var logs = new FakeLogCollector();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)));
        services.AddHeimnetzCache(options =>
        {
            options.OperationTimeout = TimeSpan.FromSeconds(1);
            options.HealthProbeTimeout = TimeSpan.FromSeconds(1);
        });
        var previous = Environment.GetEnvironmentVariable("REDIS_URL");
        Environment.SetEnvironmentVariable("REDIS_URL", $"redis://{redis.Endpoint}");
        try
        {
            await using var provider = services.BuildServiceProvider();

            // When
            var cache = provider.GetRequiredService<ResilientCache>();
            await CacheTestSupport.WaitForModeAsync(cache, CacheMode.Redis);
            await provider.GetRequiredService<IDistributedCache>().SetStringAsync("console-key", "v");

            // Then: the value is in that Redis, and the log said the settings came from the process environment
            await using var direct = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
            var source = logs.GetSnapshot().SingleOrDefault(record => record.Id.Name == "SettingsFromProcessEnvironment");
            Assert.Multiple(async () =>
            {
                Assert.That(await direct.GetDatabase().KeyExistsAsync("console-key"), Is.True);
                Assert.That(source?.Level, Is.EqualTo(LogLevel.Warning));
                Assert.That(source?.Message, Does.Contain("the process environment"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("REDIS_URL", previous);
        }
    }

    [Test]
    public async Task AddHeimnetzCache_UrlSetInCode_OverridesTheBoundSectionAndReachesRedis()
    {
        // Given: configuration naming a dead port, and code that names the live Redis after AddHeimnetzCache
        await using var redis = await RedisServerProcess.StartAsync();
        var configuration = Configuration(("Heimnetz:Redis:Url", $"redis://127.0.0.1:{RedisServerProcess.FreeLoopbackPort()}"));
        var services = new ServiceCollection().AddSingleton(configuration);
        services.AddHeimnetzCache(configuration);
        services.Configure<HeimnetzRedisOptions>(options => options.Url = $"redis://{redis.Endpoint}");
        await using var provider = services.BuildServiceProvider();

        // When
        var cache = provider.GetRequiredService<ResilientCache>();
        await CacheTestSupport.WaitForModeAsync(cache, CacheMode.Redis);

        // Then
        Assert.That(cache.Status.Endpoint, Is.EqualTo(redis.Endpoint));
    }

    [Test]
    public void AddHeimnetzCache_BadRedisSettings_StartupValidationFailsWithEveryProblemNamed()
    {
        var configuration = Configuration(
            ("Heimnetz:Redis:Url", "http://not-redis:6379"),
            ("Heimnetz:Redis:Budget", "0"),
            ("Heimnetz:Redis:Password", "never-shown-4410"));
        var services = new ServiceCollection().AddSingleton(configuration);
        services.AddHeimnetzCache(configuration);
        using var provider = services.BuildServiceProvider();

        // What a host does at start for ValidateOnStart.
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Heimnetz:Redis:Url").And.Contain("http://not-redis:6379"));
            Assert.That(error.Message, Does.Contain("Heimnetz:Redis:Budget"));
            Assert.That(error.Message, Does.Not.Contain("never-shown-4410"));
        });
    }

    [Test]
    public void AddHeimnetzCache_SectionWithMillisecondsAndCommaList_BindsTheFormatsTheKeysAlwaysHad()
    {
        var configuration = Configuration(
            ("Heimnetz:Redis:ConnectTimeout", "250"),
            ("Heimnetz:Redis:Budget", "00:00:02"),
            ("Heimnetz:Redis:Candidates", "a:6379, b:6380"),
            ("Heimnetz:Redis:CatalogFallback", "true"));
        var services = new ServiceCollection().AddSingleton(configuration);
        services.AddHeimnetzCache(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<HeimnetzRedisOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.ConnectTimeout, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(options.Budget, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(options.Candidates, Is.EqualTo(new[] { "a:6379", "b:6380" }));
            Assert.That(options.CatalogFallback, Is.True);
        });
    }

    [Test]
    public async Task AddHeimnetzCache_FixedEndpointWithUsername_AuthenticatesAsThatAclUser()
    {
        // Given: the default user is off; only the ACL user may in
        await using var redis = await RedisServerProcess.StartAsync("--user", "default", "off", "--user", "cacheuser", "on", ">acl-secret-8812", "~*", "&*", "+@all");
        var services = new ServiceCollection();
        services.AddHeimnetzCache(options =>
        {
            options.Endpoint = redis.Endpoint;
            options.Username = "cacheuser";
            options.Password = "acl-secret-8812";
            options.OperationTimeout = TimeSpan.FromSeconds(1); // a busy machine must not turn the write into a memory write
            options.HealthProbeTimeout = TimeSpan.FromSeconds(1);
        });
        await using var provider = services.BuildServiceProvider();

        // When
        var cache = provider.GetRequiredService<ResilientCache>();
        await CacheTestSupport.WaitForModeAsync(cache, CacheMode.Redis);
        await cache.SetStringAsync("acl-key", "v");

        // Then
        await using var direct = await ConnectionMultiplexer.ConnectAsync($"{redis.Endpoint},user=cacheuser,password=acl-secret-8812");
        Assert.That(await direct.GetDatabase().KeyExistsAsync("acl-key"), Is.True);
    }

    [Test]
    public void AddHeimnetzCache_UsernameWithoutPassword_ValidationNamesBothKeys()
    {
        var services = new ServiceCollection();
        services.AddHeimnetzCache(options =>
        {
            options.Endpoint = "127.0.0.1:6379";
            options.Username = "cacheuser";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Heimnetz:Cache:Username").And.Contain("Heimnetz:Cache:Password"));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build();
}
