using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Checks;
using Heimnetz.EnvironmentDetection;
using static Heimnetz.Tests.Diagnostics.DoctorContexts;

namespace Heimnetz.Tests.Diagnostics.Checks;

[TestFixture]
public sealed class EnvironmentChecksUnitTests
{
    [Test]
    public void RuntimeEnvironment_DockerBridge_NamesEngineAndNetworkMode()
    {
        var finding = Run(new RuntimeEnvironmentCheck(), Replay(DockerBridge())).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.RuntimeEnvironment, FindingSeverity.Info)));
            Assert.That(finding.Title, Is.EqualTo("Running in a docker container, network bridge"));
            Assert.That(finding.Observed, Has.Some.Contains("decided by mount-sources"));
        });
    }

    [Test]
    public void RuntimeEnvironment_Host_SaysHost()
    {
        Assert.That(Run(new RuntimeEnvironmentCheck(), Replay(Host)).Single().Title, Is.EqualTo("Running on the host"));
    }

    [Test]
    public void Replay_Capture_SaysLiveChecksWereSkipped()
    {
        var finding = Run(new ReplayCheck(), Replay(Host)).Single();

        Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.LiveChecksSkipped, FindingSeverity.Info)));
    }

    [Test]
    public void Replay_LiveRun_SaysNothing()
    {
        Assert.That(Run(new ReplayCheck(), Live(Host, Found())), Is.Empty);
    }

    [Test]
    public void HostAlias_DockerBridgeWithoutAliasAndNoRedis_WarnsWithHostGatewayRemedy()
    {
        var finding = Run(new HostAliasCheck(), Live(DockerBridge(), Found())).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.HostAliasMissing, FindingSeverity.Warning)));
            Assert.That(finding.Remedy, Does.Contain("extra_hosts: [\"host.docker.internal:host-gateway\"]"));
        });
    }

    [Test]
    public void HostAlias_MissingButRedisChosen_IsOnlyInfo()
    {
        var finding = Run(new HostAliasCheck(), Live(DockerBridge(), Found(Ready("redis", 6379)))).Single();

        Assert.That(finding.Severity, Is.EqualTo(FindingSeverity.Info));
    }

    [Test]
    public void HostAlias_AliasPresent_SaysNothing()
    {
        Assert.That(Run(new HostAliasCheck(), Live(DockerBridge("127.0.0.11", "host.docker.internal=172.17.0.1"), Found())), Is.Empty);
    }

    [Test]
    public void HostAlias_OnHost_SaysNothing()
    {
        Assert.That(Run(new HostAliasCheck(), Live(Host, Found())), Is.Empty);
    }

    [Test]
    public void DefaultBridge_ResolverIsNotEmbeddedDns_WarnsAndRecommendsUserDefinedNetwork()
    {
        var finding = Run(new DefaultBridgeCheck(), Live(DockerBridge("192.168.1.1"), Found())).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.DefaultBridgeNoDns, FindingSeverity.Warning)));
            Assert.That(finding.Observed, Has.Some.Contains("192.168.1.1"));
            Assert.That(finding.Remedy, Does.Contain("user-defined network"));
        });
    }

    [Test]
    public void DefaultBridge_EmbeddedDns_SaysNothing()
    {
        Assert.That(Run(new DefaultBridgeCheck(), Live(DockerBridge("127.0.0.11"), Found())), Is.Empty);
    }

    [Test]
    public void DefaultBridge_PodmanWithOwnDns_SaysNothing()
    {
        var podman = DockerBridge("10.88.0.1") with { Container = ContainerKind.Podman };

        Assert.That(Run(new DefaultBridgeCheck(), Live(podman, Found())), Is.Empty);
    }
}
