using Heimnetz.Caching;
using Heimnetz.Discovery;

namespace Heimnetz.Tests.Caching;

[TestFixture]
public sealed class RedisConnectionSettingsUnitTests
{
    [TestCase(50)]
    [TestCase(7)]
    [TestCase(1000)]
    [TestCase(60_000)]
    public void For_AnyOperationTimeout_AnUnansweredAsyncCallEndsByTheHeartbeatWithinTheTimeout(int timeoutMs)
    {
        var options = new HeimnetzCacheOptions { OperationTimeout = TimeSpan.FromMilliseconds(timeoutMs) };

        var settings = RedisConnectionSettings.For(new RedisLocation(new RedisEndpoint("redis", 6379), null), options);

        // SE.Redis ends an overdue call on the first heartbeat after AsyncTimeout: at the latest AsyncTimeout + one beat.
        var latest = settings.AsyncTimeout + settings.HeartbeatInterval.TotalMilliseconds;
        Assert.Multiple(() =>
        {
            Assert.That(latest, Is.LessThanOrEqualTo(timeoutMs + 5), "5 ms: the shortest heartbeat SE.Redis is given");
            Assert.That(settings.AsyncTimeout, Is.GreaterThanOrEqualTo(timeoutMs / 2), "a call is not cut short to under half its timeout");
            Assert.That(settings.SyncTimeout, Is.EqualTo(timeoutMs));
        });
    }

    [Test]
    public void For_DatabaseAndCredentials_SelectsTheDatabaseAndNeverPrintsThePassword()
    {
        var options = new HeimnetzCacheOptions { Database = 4 };
        var location = new RedisLocation(new RedisEndpoint("::1", 6380), new RedisCredentials("app", "s3cret"), UseTls: true);

        var settings = RedisConnectionSettings.For(location, options);

        Assert.Multiple(() =>
        {
            Assert.That(settings.DefaultDatabase, Is.EqualTo(4));
            Assert.That(settings.User, Is.EqualTo("app"));
            Assert.That(settings.Ssl, Is.True);
            Assert.That(settings.ToString(includePassword: false), Does.Not.Contain("s3cret"));
        });
    }
}
