using Heimnetz.Diagnostics;
using Heimnetz.Discovery;
using Heimnetz.Tests.Diagnostics;
using Heimnetz.Tests.Starvation;
using Heimnetz.Tests.Support;
using static Heimnetz.Tests.Discovery.DiscoveryTestSupport;

namespace Heimnetz.Tests.Discovery;

/// <summary>
/// A verdict follows the network, not the scheduler: one lost race is tried again, and a wait that starvation ate is
/// inconclusive rather than a timeout. Real TCP peers on loopback; only how busy the process is gets scripted.
/// </summary>
[TestFixture]
public sealed class RedisDiscoveryStarvationIntegrationTests
{
    private static readonly DiscoveryTimeouts Short = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    [Test]
    public async Task DiscoverAsync_PeerMissesTheFirstAttemptOnly_IsReadyOnTheSecond()
    {
        await using var peer = HostilePeer.Start(HostileBehaviour.SilentOnceThenRedis);

        var report = await DiscoverAsync([Candidate(peer.Endpoint)], timeouts: Short);

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.Ready), result.Detail);
            Assert.That(result.Attempts, Is.EqualTo(2));
            Assert.That(report.Chosen, Is.SameAs(result));
            Assert.That(peer.ConnectionCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task DiscoverAsync_SilentPeer_IsAskedTwiceBeforeItCountsAsTimeout()
    {
        await using var peer = HostilePeer.Start(HostileBehaviour.Silent);

        var report = await DiscoverAsync([Candidate(peer.Endpoint)], timeouts: Short);

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.Timeout));
            Assert.That(result.Attempts, Is.EqualTo(2));
            Assert.That(result.Detail, Is.EqualTo("no complete reply to PING within 200 ms"), "the second attempt waits twice as long");
            Assert.That(peer.ConnectionCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task DiscoverAsync_ClosedPort_IsNotRetried()
    {
        var port = FreePort();

        var report = await DiscoverAsync([Candidate("127.0.0.1", port)], timeouts: Short);

        Assert.Multiple(() =>
        {
            Assert.That(report.Candidates.Single().Outcome, Is.EqualTo(ProbeOutcome.Refused));
            Assert.That(report.Candidates.Single().Attempts, Is.EqualTo(1), "a reset is an answer, not a lost race");
        });
    }

    [Test]
    public async Task DiscoverAsync_ProcessStarvedThroughTheWait_IsInconclusiveWithTheMeasurement()
    {
        await using var peer = HostilePeer.Start(HostileBehaviour.Silent);
        var discovery = new RedisDiscovery(Short, TimeProvider.System, ScriptedLag.Running(0.05, TimeProvider.System));

        var report = await discovery.DiscoverAsync([Candidate(peer.Endpoint)]);

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.Inconclusive), result.Detail);
            Assert.That(result.Detail, Does.StartWith("inconclusive: this process was starved of CPU for "));
            Assert.That(report.Inconclusive, Is.True);
            Assert.That(report.Chosen, Is.Null);
        });
    }

    [Test]
    public async Task Doctor_StarvedDiscoveryWithNothingChosen_IsInconclusiveNotBroken()
    {
        await using var peer = HostilePeer.Start(HostileBehaviour.Silent);
        var discovery = await new RedisDiscovery(Short, TimeProvider.System, ScriptedLag.Running(0.05, TimeProvider.System)).DiscoverAsync([Candidate(peer.Endpoint)]);

        var report = DoctorRunner.Diagnose(DoctorContexts.Live(DoctorContexts.Host, discovery));

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(DoctorVerdict.Inconclusive));
            Assert.That(report.Findings.Select(finding => finding.Code), Does.Contain(FindingCodes.DiscoveryInconclusive));
            Assert.That(report.Findings.Select(finding => finding.Code), Does.Not.Contain(FindingCodes.PeerTimeout), "a starved wait says nothing about the peer");
        });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
