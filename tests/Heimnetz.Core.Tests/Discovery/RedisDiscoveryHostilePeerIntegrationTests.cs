using Heimnetz.Discovery;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Support;
using static Heimnetz.Tests.Discovery.DiscoveryTestSupport;

namespace Heimnetz.Tests.Discovery;

/// <summary>Discovery against misbehaving peers on loopback: each must end in a clear outcome, quickly, and learn no secret.</summary>
[TestFixture]
public sealed class RedisDiscoveryHostilePeerIntegrationTests
{
    private const string Secret = "tr0ub4dor-and-3";

    // Loose sanity bound for a noisy shared machine; the budget itself is 1 s.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

    [TestCase(HostileBehaviour.HttpResponder, "answered 'HTTP/1.1 400 Bad Request'")]
    [TestCase(HostileBehaviour.BannerThenClose, "answered 'SSH-2.0-OpenSSH_9.2p1")]
    [TestCase(HostileBehaviour.GarbageFlood, "line longer than 4096 bytes")]
    [TestCase(HostileBehaviour.CloseMidReply, "answered '$100' and closed the connection mid-reply")]
    public async Task DiscoverAsync_PeerThatIsNotRedis_IsNotRedisWithWhatItAnswered(HostileBehaviour behaviour, string detail)
    {
        await using var peer = HostilePeer.Start(behaviour);

        var report = await DiscoverAsync([Candidate(peer.Endpoint)]);

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.NotRedis));
            Assert.That(result.Detail, Does.Contain(detail));
            Assert.That(result.Detail.Length, Is.LessThanOrEqualTo(163));
            Assert.That(report.Chosen, Is.Null);
        });
    }

    [Test]
    public async Task DiscoverAsync_PeerAcceptsAndNeverReplies_TimesOutInsteadOfHanging()
    {
        await using var peer = HostilePeer.Start(HostileBehaviour.Silent);

        var report = await DiscoverAsync([Candidate(peer.Endpoint)]);

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.Timeout));
            Assert.That(result.Detail, Is.EqualTo("no complete reply to PING within 500 ms"), "the second attempt waits twice the 250 ms");
            Assert.That(report.Elapsed, Is.LessThan(Generous));
        });
    }

    [Test]
    public async Task DiscoverAsync_ClosedPort_IsRefused()
    {
        var port = RedisServerProcess.FreeLoopbackPort();

        var result = (await DiscoverAsync([Candidate("127.0.0.1", port)])).Candidates.Single();

        Assert.That((result.Outcome, result.Detail), Is.EqualTo((ProbeOutcome.Refused, $"connection refused at 127.0.0.1:{port}")));
    }

    [Test]
    public async Task DiscoverAsync_NameThatDoesNotResolve_IsDnsFailure()
    {
        var result = (await DiscoverAsync([Candidate("nothing.invalid", 6379)])).Candidates.Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.DnsFailure));
            Assert.That(result.Detail, Does.StartWith("'nothing.invalid' did not resolve"));
        });
    }

    [Test]
    public async Task DiscoverAsync_UrlCredentialsForA_NeverReachSquatterB()
    {
        await using var owner = HostilePeer.Start(HostileBehaviour.NoAuthCapture);
        await using var squatter = HostilePeer.Start(HostileBehaviour.NoAuthCapture);
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(
            ("REDIS_URL", $"redis://alice:{Secret}@127.0.0.1:{owner.Port}"),
            ("HEIMNETZ_REDIS_CANDIDATES", $"127.0.0.1:{squatter.Port}")));

        var report = await DiscoverAsync(CandidateCatalog.Build(CatalogContext.Host, configuration));

        Assert.Multiple(() =>
        {
            // The owner receiving the password proves the capture works; the squatter must not.
            Assert.That(owner.ReceivedText, Does.Contain(Secret));
            Assert.That(squatter.ReceivedText, Does.Contain("PING").And.Not.Contain(Secret).And.Not.Contain("AUTH"));
            Assert.That(report.Candidates.Select(result => result.Outcome), Is.EqualTo(new[] { ProbeOutcome.AuthFailed, ProbeOutcome.AuthRequired }));
            Assert.That(AsJson(report), Does.Not.Contain(Secret));
        });
    }

    [Test]
    public async Task DiscoverAsync_RedisPassword_GoesOnlyToCandidatesWithoutOwnCredentials()
    {
        const string shared = "sh4red-fallback";
        await using var owner = HostilePeer.Start(HostileBehaviour.NoAuthCapture);
        await using var other = HostilePeer.Start(HostileBehaviour.NoAuthCapture);
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(
            ("REDIS_URL", $"redis://:{Secret}@127.0.0.1:{owner.Port}"),
            ("HEIMNETZ_REDIS_CANDIDATES", $"127.0.0.1:{other.Port}"),
            ("REDIS_PASSWORD", shared)));

        var report = await DiscoverAsync(CandidateCatalog.Build(CatalogContext.Host, configuration));

        Assert.Multiple(() =>
        {
            Assert.That(owner.ReceivedText, Does.Contain(Secret).And.Not.Contain(shared));
            Assert.That(other.ReceivedText, Does.Contain(shared).And.Not.Contain(Secret));
            Assert.That(AsJson(report), Does.Not.Contain(Secret).And.Not.Contain(shared));
        });
    }

    [TestCase(HostileBehaviour.HttpResponder)]
    [TestCase(HostileBehaviour.Silent)]
    [TestCase(HostileBehaviour.CloseMidReply)]
    public async Task DiscoverAsync_PeerThatDidNotAnswerAsRedis_NeverReceivesCredentials(HostileBehaviour behaviour)
    {
        await using var peer = HostilePeer.Start(behaviour);

        await DiscoverAsync([Candidate(peer.Endpoint, credentials: new RedisCredentials("alice", Secret))]);

        Assert.That(peer.ReceivedText, Does.Contain("PING").And.Not.Contain(Secret).And.Not.Contain("AUTH"));
    }

    [Test]
    public async Task DiscoverAsync_PeerEchoesAuthArguments_ReportNeverShowsThem()
    {
        await using var peer = HostilePeer.Start(HostileBehaviour.NoAuthEcho);

        var report = await DiscoverAsync([Candidate(peer.Endpoint, credentials: new RedisCredentials("alice", Secret))]);

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(peer.ReceivedText, Does.Contain(Secret));
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.AuthFailed));
            Assert.That(result.Detail, Is.EqualTo("Redis rejected this candidate's credentials (ERR)"));
            Assert.That(AsJson(report), Does.Not.Contain(Secret));
        });
    }

    [Test]
    public async Task DiscoverAsync_EveryCandidateDeadOrSilent_ReportsWithinTheBudget()
    {
        await using var silent = HostilePeer.Start(HostileBehaviour.Silent);
        await using var flood = HostilePeer.Start(HostileBehaviour.GarbageFlood);
        var candidates = Ranked(
            Candidate(silent.Endpoint),
            Candidate("nothing.invalid", 6379),
            Candidate("127.0.0.1", RedisServerProcess.FreeLoopbackPort()),
            Candidate(flood.Endpoint),
            Candidate("also-nothing.invalid", 6380));

        var report = await DiscoverAsync(candidates);

        TestContext.Out.WriteLine($"measured: all-dead discovery took {report.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(report.Chosen, Is.Null);
            Assert.That(report.Candidates, Has.Count.EqualTo(5));
            Assert.That(report.Candidates.Select(result => result.Outcome), Does.Not.Contain(ProbeOutcome.Ready));
            Assert.That(report.Elapsed, Is.LessThan(Generous));
        });
    }

    [Test]
    public async Task DiscoverAsync_BudgetShorterThanProbes_StopsEveryProbeAndSaysSo()
    {
        await using var silent = HostilePeer.Start(HostileBehaviour.Silent);
        var timeouts = new DiscoveryTimeouts(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));

        var report = await DiscoverAsync([Candidate(silent.Endpoint)], timeouts: timeouts);

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Finished, Is.False);
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.Timeout));
            Assert.That(result.Detail, Does.StartWith("not finished within the 200 ms budget"));
            Assert.That(report.Elapsed, Is.LessThan(Generous));
        });
    }

    [Test]
    public void DiscoverAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(
            async () => await new RedisDiscovery(DiscoveryTimeouts.Default).DiscoverAsync([Candidate("127.0.0.1", 1)], DiscoveryMode.Complete, cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}
