using Heimnetz.Caching;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Caching;
using Heimnetz.Tests.Support;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Heimnetz.Tests.Hosting;

/// <summary>AddHeimnetzCache with a fixed TLS endpoint: the CA comes from the same key discovery reads.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class HeimnetzCacheTlsIntegrationTests : ThrowawayTlsFixture
{
    [Test]
    public async Task AddHeimnetzCache_FixedTlsEndpointWithCaFromConfiguration_UsesRedis()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Heimnetz:Cache:Endpoint"] = $"localhost:{server.Port}",
            ["Heimnetz:Cache:UseTls"] = "true",
            ["Heimnetz:Cache:OperationTimeout"] = "00:00:00.5",
            ["HEIMNETZ_REDIS_TLS_CA"] = Tls.CaFile,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddHeimnetzCache(configuration);
        await using var provider = services.BuildServiceProvider();

        var cache = provider.GetRequiredService<ResilientCache>();
        await CacheTestSupport.WaitForModeAsync(cache, CacheMode.Redis);
        await provider.GetRequiredService<IDistributedCache>().SetStringAsync("hosted", "yes");

        var exists = await TlsRespClient.SendAsync(server.Port, Tls.ServerThumbprint, null, ["EXISTS", "hosted"]);
        Assert.That(exists.Integer, Is.EqualTo(1));
    }

    [Test]
    public void AddHeimnetzCache_FixedTlsEndpointWithMissingCaFile_ConfigurationErrorNamesKeyAndPath()
    {
        var missing = Path.Combine(Tls.Directory, "no-such-ca.pem");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Heimnetz:Cache:Endpoint"] = "127.0.0.1:6380",
            ["Heimnetz:Cache:UseTls"] = "true",
            ["Heimnetz:Redis:TlsCaFile"] = missing,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddHeimnetzCache(configuration);
        using var provider = services.BuildServiceProvider();

        // The Heimnetz:Redis options are validated before the locator is built (and at host start, by ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IRedisLocator>());

        Assert.That(error!.Message, Does.Contain("Heimnetz:Redis:TlsCaFile").And.Contain(missing).And.Contain("does not exist").And.Contain("PEM"));
    }
}
