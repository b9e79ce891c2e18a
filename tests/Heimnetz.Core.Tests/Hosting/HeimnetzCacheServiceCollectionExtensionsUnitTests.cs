using Heimnetz.Caching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Heimnetz.Tests.Hosting;

[TestFixture]
public sealed class HeimnetzCacheServiceCollectionExtensionsUnitTests
{
    [Test]
    public async Task AddHeimnetzCache_FromConfiguration_BindsOptionsAndResolvesOneCache()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Heimnetz:Cache:OperationTimeout"] = "00:00:00.080",
            ["Heimnetz:Cache:ReturnPolicy"] = "WriteBack",
            ["Heimnetz:Cache:Endpoint"] = "redis.invalid:6390",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddHeimnetzCache(configuration);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<HeimnetzCacheOptions>>().Value;
        var location = await provider.GetRequiredService<IRedisLocator>().LocateAsync();
        var distributed = provider.GetRequiredService<IDistributedCache>();

        Assert.Multiple(() =>
        {
            Assert.That(options.OperationTimeout, Is.EqualTo(TimeSpan.FromMilliseconds(80)));
            Assert.That(options.ReturnPolicy, Is.EqualTo(ReturnPolicy.WriteBack));
            Assert.That(options.HealthProbeInterval, Is.EqualTo(HeimnetzCacheDefaults.HealthProbeInterval));
            Assert.That(location!.Endpoint.ToString(), Is.EqualTo("redis.invalid:6390"));
            Assert.That(distributed, Is.SameAs(provider.GetRequiredService<ResilientCache>()));
        });
    }

    [Test]
    public async Task AddHeimnetzCache_InvalidConfiguration_OneMessageNamesEveryBadKeyAndValue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Heimnetz:Cache:OperationTimeout"] = "-00:00:01",
            ["Heimnetz:Cache:RecoveryMaxDelay"] = "00:00:00.010",
            ["Heimnetz:Cache:Endpoint"] = "redis:notaport",
        }).Build();
        var services = new ServiceCollection();
        services.AddHeimnetzCache(configuration);
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<HeimnetzCacheOptions>>().Value);

        Assert.That(exception!.Message, Does.Contain("'Heimnetz:Cache:OperationTimeout' is '-00:00:01'")
            .And.Contain("'Heimnetz:Cache:RecoveryMaxDelay' is '00:00:00.0100000'")
            .And.Contain("'redis:notaport' from 'Heimnetz:Cache:Endpoint'"));
    }

    [Test]
    public async Task AddHeimnetzCache_InCodeWithoutEndpoint_CacheStaysInMemoryAndHealthCheckIsDegraded()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddLogging();
        services.AddHeimnetzCache(options => options.FailureThreshold = 3);
        services.AddHealthChecks().AddHeimnetzCache();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<IOptions<HeimnetzCacheOptions>>().Value.FailureThreshold, Is.EqualTo(3));
            Assert.That(report.Entries["heimnetz-cache"].Status, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(provider.GetRequiredService<ResilientCache>().Mode, Is.EqualTo(CacheMode.Memory));
        });
    }

    [Test]
    public void AddHeimnetzCache_CalledTwice_RegistersOneDistributedCache()
    {
        var services = new ServiceCollection();
        services.AddHeimnetzCache(_ => { });
        services.AddHeimnetzCache(_ => { });

        Assert.That(services.Count(d => d.ServiceType == typeof(IDistributedCache)), Is.EqualTo(1));
    }
}
