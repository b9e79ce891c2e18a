using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Support;
using static Heimnetz.Tests.Discovery.DiscoveryTestSupport;

namespace Heimnetz.Tests.Discovery;

/// <summary>Discovery against a real redis-server on loopback: open, with a password, with an ACL user, paused.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class RedisDiscoveryRedisServerIntegrationTests
{
    private const string Password = "c0rrect-h0rse";

    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    [Test]
    public async Task DiscoverAsync_OpenServer_ReadyWithIdentity()
    {
        await using var server = await RedisServerProcess.StartAsync();

        var report = await DiscoverAsync([Candidate("127.0.0.1", server.Port)]);

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.Ready));
            Assert.That(result.Server!.Product, Is.EqualTo("redis"));
            Assert.That(result.Server.Version, Does.Match(@"^\d+\.\d+\.\d+$"));
            Assert.That(result.Server.RunId, Does.Match("^[0-9a-f]{40}$"));
            Assert.That(result.Detail, Does.StartWith("PONG; redis "));
            Assert.That(report.Chosen, Is.SameAs(result));
        });
    }

    [Test]
    public async Task DiscoverAsync_PasswordServerWithRedisPassword_AuthenticatesAndIsReady()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", Password);
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(
            ("HEIMNETZ_REDIS_CANDIDATES", $"127.0.0.1:{server.Port}"),
            ("REDIS_PASSWORD", Password)));

        var report = await DiscoverAsync(CandidateCatalog.Build(CatalogContext.Host, configuration));

        Assert.Multiple(() =>
        {
            Assert.That(report.Chosen?.Outcome, Is.EqualTo(ProbeOutcome.Ready));
            Assert.That(report.Chosen?.Detail, Does.StartWith("authenticated; redis "));
            Assert.That(AsJson(report), Does.Not.Contain(Password));
        });
    }

    [Test]
    public async Task DiscoverAsync_PasswordServerWithoutCredentials_AuthRequired()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", Password);

        var result = (await DiscoverAsync([Candidate("127.0.0.1", server.Port)])).Candidates.Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.AuthRequired));
            Assert.That(result.Detail, Does.Contain("NOAUTH").And.Contain("no credentials configured"));
        });
    }

    [Test]
    public async Task DiscoverAsync_PasswordServerWithWrongPassword_AuthFailed()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", Password);

        var report = await DiscoverAsync([Candidate("127.0.0.1", server.Port, credentials: new RedisCredentials(null, "not-" + Password))]);

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.AuthFailed));
            Assert.That(result.Detail, Does.Contain("WRONGPASS"));
            Assert.That(AsJson(report), Does.Not.Contain(Password));
        });
    }

    [Test]
    public async Task DiscoverAsync_AclUserFromRedisUrl_ReadyAndWrongUserPasswordFails()
    {
        await using var server = await RedisServerProcess.StartAsync("--user", "default", "off", "--user", "alice", "on", ">" + Password, "~*", "+@all");
        var right = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(("REDIS_URL", $"redis://alice:{Password}@127.0.0.1:{server.Port}/0")));
        var wrong = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(("REDIS_URL", $"redis://alice:nope@127.0.0.1:{server.Port}")));

        var good = (await DiscoverAsync(right.Configured)).Candidates.Single();
        var bad = (await DiscoverAsync(wrong.Configured)).Candidates.Single();

        Assert.Multiple(() =>
        {
            Assert.That(good.Outcome, Is.EqualTo(ProbeOutcome.Ready), good.Detail);
            Assert.That(good.Server?.RunId, Is.Not.Null);
            Assert.That(bad.Outcome, Is.EqualTo(ProbeOutcome.AuthFailed), bad.Detail);
        });
    }

    [Test]
    public async Task DiscoverAsync_PausedServer_TimesOut()
    {
        await using var server = await RedisServerProcess.StartAsync();
        server.Pause();

        var result = (await DiscoverAsync([Candidate("127.0.0.1", server.Port)])).Candidates.Single();

        Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.Timeout));
    }

    [Test]
    public async Task DiscoverAsync_TwoReadyCandidates_ChoosesPriorityNotSpeedAndSaysWhyTheOtherLost()
    {
        await using var preferred = await RedisServerProcess.StartAsync();
        await using var other = await RedisServerProcess.StartAsync();
        await using var squatter = HostilePeer.Start(HostileBehaviour.HttpResponder);
        var candidates = Ranked(
            Candidate("127.0.0.1", RedisServerProcess.FreeLoopbackPort()),
            Candidate(squatter.Endpoint),
            Candidate("localhost", preferred.Port),
            Candidate("127.0.0.1", other.Port));

        var report = await DiscoverAsync(candidates);

        Assert.Multiple(() =>
        {
            Assert.That(report.Chosen?.Candidate.Endpoint, Is.EqualTo(new RedisEndpoint("localhost", preferred.Port)));
            Assert.That(report.Candidates.Select(result => result.Verdict), Is.EqualTo(new[]
            {
                $"refused: connection refused at 127.0.0.1:{candidates[0].Endpoint.Port}",
                "not-redis: answered 'HTTP/1.1 400 Bad Request' (unexpected type byte 0x48)",
                "chosen: the highest-priority ready candidate",
                $"lower priority than localhost:{preferred.Port}",
            }));
        });
    }

    [Test]
    public async Task LocateAsync_FirstCandidateAlive_ReturnsItsLocationQuicklyWithoutWaitingForBlackHoles()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", Password);
        await using var silent = HostilePeer.Start(HostileBehaviour.Silent);
        var candidates = Ranked(
            Candidate("127.0.0.1", server.Port, credentials: new RedisCredentials(null, Password)),
            Candidate(silent.Endpoint),
            Candidate("nothing.invalid", 6379));
        var locator = new DiscoveryRedisLocator(candidates, DiscoveryTimeouts.Default);
        await locator.LocateAsync(); // warm up code paths so the measurement is of the network, not the JIT

        var location = await locator.LocateAsync();

        TestContext.Out.WriteLine($"measured: first-alive locate took {locator.LastReport!.Elapsed.TotalMilliseconds:0.00} ms");
        Assert.Multiple(() =>
        {
            Assert.That(location, Is.Not.Null);
            Assert.That(location!.Endpoint, Is.EqualTo(new RedisEndpoint("127.0.0.1", server.Port)));
            Assert.That(location.Credentials, Is.EqualTo(new RedisCredentials(null, Password)));
            Assert.That(location.RunId, Does.Match("^[0-9a-f]{40}$"));
            // Stopped rather than timed out: the locator did not wait for the silent peer's 250 ms handshake timeout.
            Assert.That(locator.LastReport.Candidates[1].Finished, Is.False);
            Assert.That(locator.LastReport.Candidates[1].Detail, Is.EqualTo($"not finished: 127.0.0.1:{server.Port} (higher priority) was already ready"));
        });
    }

    [Test]
    public async Task DiscoverAsync_TwentyCandidates_AllProbedInParallelWithinTheBudget()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var silent = HostilePeer.Start(HostileBehaviour.Silent);
        await using var http = HostilePeer.Start(HostileBehaviour.HttpResponder);
        var candidates = new List<RedisCandidate>();
        for (var index = 0; index < 20; index++)
        {
            candidates.Add((index % 5) switch
            {
                0 => Candidate(silent.Endpoint, index),
                1 => Candidate($"n{index}.invalid", 6379, index),
                2 => Candidate("127.0.0.1", RedisServerProcess.FreeLoopbackPort(), index),
                3 => Candidate(http.Endpoint, index),
                _ => Candidate("127.0.0.1", server.Port, index),
            });
        }

        var report = await DiscoverAsync(candidates);

        TestContext.Out.WriteLine($"measured: 20 candidates took {report.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(report.Candidates, Has.Count.EqualTo(20));
            Assert.That(report.Chosen?.Candidate.Priority, Is.EqualTo(4));
            Assert.That(report.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        });
    }
}
