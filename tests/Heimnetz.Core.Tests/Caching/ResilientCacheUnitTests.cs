using Heimnetz.Caching;
using Heimnetz.Hosting;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using static Heimnetz.Tests.Caching.CacheTestSupport;

namespace Heimnetz.Tests.Caching;

[TestFixture]
public sealed class ResilientCacheUnitTests
{
    private const int RecoveryAttemptFailedEventId = 5103;

    [Test]
    public async Task Recovery_NoRedisLocated_BackoffDelaysGrowAndCapAndCircuitStaysOpen()
    {
        // Given a cache whose locator never finds a Redis, on a fake clock
        var time = new FakeTimeProvider();
        var locator = new SwitchableLocator(null);
        var logger = new FakeLogger<ResilientCache>();
        var options = new HeimnetzCacheOptions { RecoveryBaseDelay = TimeSpan.FromMilliseconds(100), RecoveryMaxDelay = TimeSpan.FromSeconds(2) };
        await using var cache = new ResilientCache(locator, options, time, logger);

        // When the clock runs through 14 recovery attempts
        for (var attempt = 1; attempt <= 14; attempt++)
        {
            await WaitUntilAsync(() => locator.Calls >= attempt, $"recovery attempt {attempt}", () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(50));
                return Task.CompletedTask;
            });
        }

        // Then every delay is within the cap, they grow to it, and the cache stayed in memory saying why
        var delays = logger.Collector.GetSnapshot()
            .Where(record => record.Id.Id == RecoveryAttemptFailedEventId)
            .Select(record => double.Parse(record.GetStructuredStateValue("DelayMs")!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(delays, Has.Count.GreaterThanOrEqualTo(13));
            Assert.That(delays, Has.All.LessThanOrEqualTo(2000));
            Assert.That(delays[0], Is.LessThan(2000));
            Assert.That(delays[^1], Is.EqualTo(2000), "after many attempts the cap is reached");
            Assert.That(cache.Mode, Is.EqualTo(CacheMode.Memory));
            Assert.That(cache.Status.Reason, Is.EqualTo("no Redis located"));
            Assert.That(cache.Status.Transitions, Is.Empty);
        });
    }

    [Test]
    public async Task GetAsync_NullKeyOrCancelledToken_FaultedOrCancelledTaskInsteadOfThrowing()
    {
        await using var cache = new ResilientCache(new SwitchableLocator(null), new HeimnetzCacheOptions(), new FakeTimeProvider());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var nullKey = cache.GetAsync(null!);
        var cancelledCall = cache.GetAsync("k", cancelled.Token);

        Assert.Multiple(() =>
        {
            Assert.That(nullKey.IsFaulted && nullKey.Exception!.InnerException is ArgumentNullException, Is.True);
            Assert.That(cancelledCall.IsCanceled, Is.True);
        });
    }

    [Test]
    public async Task Set_InMemoryMode_ValuesAreServedAndRemoveWorks()
    {
        await using var cache = new ResilientCache(new SwitchableLocator(null), new HeimnetzCacheOptions(), new FakeTimeProvider());

        await cache.SetAsync("a", Bytes("1"), NoExpiry);
        cache.Set("b", Bytes("2"), NoExpiry);
        cache.Remove("b");

        Assert.Multiple(async () =>
        {
            Assert.That(Text(await cache.GetAsync("a")), Is.EqualTo("1"));
            Assert.That(Text(cache.Get("b")), Is.Null);
            Assert.That(Text(await cache.GetAsync("never")), Is.Null);
        });
    }

    [Test]
    public async Task Get_InMemoryModeWithSlidingExpiration_AccessKeepsEntryAliveUntilIdleLongerThanWindow()
    {
        var time = new FakeTimeProvider();
        await using var cache = new ResilientCache(new SwitchableLocator(null), new HeimnetzCacheOptions(), time);
        await cache.SetAsync("s", Bytes("v"), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(10) });

        time.Advance(TimeSpan.FromSeconds(6));
        var afterSix = Text(await cache.GetAsync("s"));
        time.Advance(TimeSpan.FromSeconds(6));
        await cache.RefreshAsync("s");
        time.Advance(TimeSpan.FromSeconds(6));
        var afterEighteen = Text(await cache.GetAsync("s"));
        time.Advance(TimeSpan.FromSeconds(11));
        var afterIdle = Text(await cache.GetAsync("s"));

        Assert.Multiple(() =>
        {
            Assert.That(afterSix, Is.EqualTo("v"));
            Assert.That(afterEighteen, Is.EqualTo("v"), "Get and Refresh slide the window");
            Assert.That(afterIdle, Is.Null);
        });
    }

    [Test]
    public async Task Get_InMemoryModeWithAbsoluteExpiration_ExpiresOnTheFakeClock()
    {
        var time = new FakeTimeProvider();
        await using var cache = new ResilientCache(new SwitchableLocator(null), new HeimnetzCacheOptions(), time);
        await cache.SetAsync("rel", Bytes("v"), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5) });
        await cache.SetAsync("abs", Bytes("v"), new DistributedCacheEntryOptions { AbsoluteExpiration = time.GetUtcNow().AddSeconds(5), SlidingExpiration = TimeSpan.FromSeconds(4) });

        time.Advance(TimeSpan.FromSeconds(3));
        var early = (Text(await cache.GetAsync("rel")), Text(await cache.GetAsync("abs")));
        time.Advance(TimeSpan.FromSeconds(3));
        var late = (Text(await cache.GetAsync("rel")), Text(await cache.GetAsync("abs")));

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.EqualTo(("v", "v")));
            Assert.That(late, Is.EqualTo(((string?)null, (string?)null)), "the absolute expiry caps the sliding window");
        });
    }

    [Test]
    public async Task Set_AbsoluteExpirationInThePast_ThrowsNamingTheProblem()
    {
        var time = new FakeTimeProvider();
        await using var cache = new ResilientCache(new SwitchableLocator(null), new HeimnetzCacheOptions(), time);

        Assert.That(
            () => cache.SetAsync("k", Bytes("v"), new DistributedCacheEntryOptions { AbsoluteExpiration = time.GetUtcNow().AddSeconds(-1) }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("must be in the future"));
    }

    [Test]
    public async Task CheckHealth_NoRedisLocated_DegradedWithReason()
    {
        var time = new FakeTimeProvider();
        var locator = new SwitchableLocator(null);
        await using var cache = new ResilientCache(locator, new HeimnetzCacheOptions(), time);
        await WaitUntilAsync(() => locator.Calls >= 2, "a failed recovery attempt", () =>
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            return Task.CompletedTask;
        });

        var result = await new HeimnetzCacheHealthCheck(cache).CheckHealthAsync(new HealthCheckContext());

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(result.Description, Does.Contain("memory").And.Contain("no Redis located"));
            Assert.That(result.Data["mode"], Is.EqualTo("memory"));
        });
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new HeimnetzCacheOptions { OperationTimeout = TimeSpan.Zero, FailureThreshold = 0 };

        Assert.That(
            () => new ResilientCache(new SwitchableLocator(null), options),
            Throws.ArgumentException.With.Message.Contains("'Heimnetz:Cache:OperationTimeout' is '00:00:00'")
                .And.Message.Contains("'Heimnetz:Cache:FailureThreshold' is '0'"));
    }

    [TestCase("run_id:abc123\r\nredis_version:7.0.15", "abc123")]
    [TestCase("# Server\r\nredis_version:7.0.15\r\nrun_id:deadbeef\r\n", "deadbeef")]
    [TestCase("redis_version:7.0.15", null)]
    public void ParseRunId_InfoServerText_FindsRunId(string info, string? expected) =>
        Assert.That(RedisConnector.ParseRunId(info), Is.EqualTo(expected));
}
