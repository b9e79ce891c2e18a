using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Caching.History;
using Heimnetz.Tests.Support;
using StackExchange.Redis;
using static Heimnetz.Tests.Caching.CacheTestSupport;

namespace Heimnetz.Tests.Caching;

/// <summary>
/// A write that timed out on the connection in use when Redis went away may still reach Redis later: its bytes had left
/// the process. The cache served that write from memory and, at the return, writes the outage's latest value back. If the
/// late bytes then arrived, an older value would silently replace the acknowledged later one. The history checker found
/// this on a saturated machine; here a proxy holds the bytes back so the same order happens every time.
/// </summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class RetiredLinkFenceIntegrationTests
{
    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    [TestCase(ReturnPolicy.WriteBack)]
    [TestCase(ReturnPolicy.Discard)]
    public async Task Return_OldConnectionDeliversATimedOutWriteAfterTheWriteBack_RedisKeepsTheLaterWrite(ReturnPolicy policy)
    {
        // Given: a cache on a real Redis through a proxy, in Redis mode.
        await using var server = await RedisServerProcess.StartAsync();
        await using var proxy = new HoldingProxy(server.Port);
        var options = new HeimnetzCacheOptions
        {
            ReturnPolicy = policy,
            OperationTimeout = TimeSpan.FromMilliseconds(200),
            FailureThreshold = 1,
            RecoveryBaseDelay = TimeSpan.FromMilliseconds(10),
            RecoveryMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        await using var cache = new ResilientCache(new FixedRedisLocator(Loopback(proxy.Port).Endpoint), options, TimeProvider.System);
        await WaitForModeAsync(cache, CacheMode.Redis);

        // When: the path to Redis holds the cache's bytes back, so a write times out and memory serves it and a later one...
        proxy.RefuseNew = true;
        proxy.HoldExisting();
        await cache.SetAsync("k", Bytes("earlier"), NoExpiry);
        Assert.That(cache.Mode, Is.EqualTo(CacheMode.Memory), "the held write should have failed the cache over");
        await cache.SetAsync("k", Bytes("later"), NoExpiry);
        if (policy == ReturnPolicy.Discard)
        {
            await cache.RemoveAsync("k");
        }

        // ...then Redis is reachable again, the cache returns and settles the outage, and only then the held bytes arrive.
        proxy.RefuseNew = false;
        await using var direct = await ConnectionMultiplexer.ConnectAsync(server.Endpoint);
        var expected = policy == ReturnPolicy.WriteBack ? "later" : null;
        await WaitUntilAsync(
            () => cache.Mode == CacheMode.Redis && StoredText(direct, "k") == expected,
            $"the return to settle the outage with {expected ?? "a removal"}");
        var released = await proxy.ReleaseAsync(Patience);

        // Then: the server never applied the old connection's write over what the return settled.
        Assert.That(StoredText(direct, "k"), Is.EqualTo(expected), $"after the held bytes were released: {string.Join("; ", released)}");
    }

    [Test]
    public async Task Return_UserMayNotListClients_ReturnsAnywayAndSaysWhatStaysOpen()
    {
        // Given: an ACL user that may use every data command but not CLIENT, as many hosted Redis plans hand out.
        await using var server = await RedisServerProcess.StartAsync("--user", "app", "on", ">fence-secret", "~*", "&*", "+@all", "-client");
        await using var proxy = new HoldingProxy(server.Port);
        var logger = new RecordingLogger();
        var options = new HeimnetzCacheOptions
        {
            ReturnPolicy = ReturnPolicy.WriteBack,
            OperationTimeout = TimeSpan.FromMilliseconds(200),
            FailureThreshold = 1,
            RecoveryBaseDelay = TimeSpan.FromMilliseconds(10),
            RecoveryMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        var locator = new FixedRedisLocator(new RedisEndpoint("127.0.0.1", proxy.Port), new RedisCredentials("app", "fence-secret"));
        await using var cache = new ResilientCache(locator, options, TimeProvider.System, logger);
        await WaitForModeAsync(cache, CacheMode.Redis);

        // When: an outage, then the way back.
        proxy.RefuseNew = true;
        proxy.HoldExisting();
        await cache.SetAsync("k", Bytes("during"), NoExpiry);
        proxy.RefuseNew = false;

        // Then: the cache is back on Redis with the outage's write, and the log names the gap and how to close it.
        await WaitUntilAsync(() => cache.Mode == CacheMode.Redis, "the return");
        Assert.That(Text(await cache.GetAsync("k")), Is.EqualTo("during"));
        var refused = logger.Entries.Where(e => e.EventName == "ReturnFenceRefused").Select(e => e.Message).ToList();
        Assert.That(refused, Has.Count.EqualTo(1).And.One.Contains("NOPERM").And.One.Contains("+client"));
        Assert.That(refused, Has.None.Contains("fence-secret"));
    }

    private static string? StoredText(ConnectionMultiplexer direct, string key)
    {
        var stored = (byte[]?)direct.GetDatabase().StringGet(key);
        return stored is not null && RedisEntryFormat.TryDecode(stored, out var header)
            ? Text(stored[header.DataOffset..])
            : null;
    }
}
