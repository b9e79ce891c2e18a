using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.Discovery.Resp;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Support;
using static Heimnetz.Tests.Caching.CacheTestSupport;

namespace Heimnetz.Tests.Caching;

/// <summary>The cache's own connection (StackExchange.Redis) to a real TLS-only redis-server signed by a throwaway CA.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class ResilientCacheTlsIntegrationTests : ThrowawayTlsFixture
{
    private const string Password = "tls-cache-s3cret";

    [Test]
    public async Task SetGet_TlsLocationWithCa_ValueStoredOnTheTlsServer()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server, "--requirepass", Password);
        var location = new RedisLocation(new RedisEndpoint("127.0.0.1", server.Port), new RedisCredentials(null, Password), UseTls: true)
        {
            TlsTrust = RedisTlsTrust.Load(Tls.CaFile, "test"),
        };
        await using var cache = NewCache(new FixedRedisLocator(location));
        await WaitForModeAsync(cache, CacheMode.Redis);

        await cache.SetAsync("tls-key", Bytes("over-tls"), NoExpiry);
        var readBack = Text(await cache.GetAsync("tls-key"));

        // Then: a separate TLS client, pinned to the server's certificate, finds the entry (header, then data) on the server.
        var stored = await TlsRespClient.SendAsync(server.Port, Tls.ServerThumbprint, Password, ["GET", "tls-key"]);
        Assert.Multiple(() =>
        {
            Assert.That(readBack, Is.EqualTo("over-tls"));
            Assert.That(stored.Kind, Is.EqualTo(RespKind.BulkString));
            Assert.That(stored.Text, Does.StartWith("hn2|").And.EndWith("|over-tls"));
            Assert.That(cache.Status.Mode, Is.EqualTo(CacheMode.Redis));
        });
    }

    [Test]
    public async Task Recovery_TlsLocationWithAnotherCa_StaysInMemoryAndWritesNothing()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server);
        var location = new RedisLocation(new RedisEndpoint("127.0.0.1", server.Port), null, UseTls: true)
        {
            TlsTrust = RedisTlsTrust.Load(Tls.OtherCaFile, "test"),
        };
        var locator = new SwitchableLocator(location);
        await using var cache = NewCache(locator);

        // When: several recovery attempts have run against the server, and a write went to the cache
        await WaitUntilAsync(() => locator.Calls >= 3, "three recovery attempts", explain: () => cache.Status.Reason ?? "no reason");
        await cache.SetAsync("untrusted", Bytes("v"), NoExpiry);

        // Then: the certificate was never accepted, so the write stayed in memory
        var exists = await TlsRespClient.SendAsync(server.Port, Tls.ServerThumbprint, null, ["EXISTS", "untrusted"]);
        Assert.Multiple(() =>
        {
            Assert.That(cache.Mode, Is.EqualTo(CacheMode.Memory), cache.Status.Reason);
            Assert.That(exists.Integer, Is.Zero);
        });
    }

    private static ResilientCache NewCache(IRedisLocator locator) =>
        new(locator, new HeimnetzCacheOptions
        {
            // Generous: a TLS handshake on a busy 2-core machine must not be mistaken for an outage.
            OperationTimeout = TimeSpan.FromMilliseconds(500),
            HealthProbeTimeout = TimeSpan.FromMilliseconds(500),
            ConnectTimeout = TimeSpan.FromSeconds(2),
        });
}
