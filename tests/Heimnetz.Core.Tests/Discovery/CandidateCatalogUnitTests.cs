using Heimnetz.Discovery;

namespace Heimnetz.Tests.Discovery;

[TestFixture]
public sealed class CandidateCatalogUnitTests
{
    private static readonly CatalogContext DockerBridge = new(
        IsContainer: true,
        DefaultGateway: "172.18.0.1",
        HostAliases: new Dictionary<string, string> { ["host.docker.internal"] = "192.168.65.254", ["my-container"] = "172.18.0.5" },
        ContainerKind: "docker");

    [Test]
    public void Build_InContainer_ServiceNamesThenHostAliasThenGatewayThenLoopback()
    {
        var candidates = CandidateCatalog.Build(DockerBridge, DiscoveryConfiguration.Empty);

        Assert.That(candidates.Select(candidate => $"{candidate.Endpoint} {candidate.Priority} {candidate.Reason}"), Is.EqualTo(new[]
        {
            "redis:6379 0 compose service name",
            "redis-dev:6379 1 compose service name",
            "host.docker.internal:6379 2 Docker Desktop host alias",
            "172.18.0.1:6379 3 docker bridge gateway",
            "localhost:6379 4 loopback (host network or sidecar)",
        }));
        Assert.That(candidates, Has.All.Matches<RedisCandidate>(candidate => candidate.Source == CandidateSource.Default && candidate.Credentials is null));
    }

    [Test]
    public void Build_InPodmanWithoutGateway_UsesPodmanAliasOnly()
    {
        var context = new CatalogContext(true, null, new Dictionary<string, string> { ["HOST.CONTAINERS.INTERNAL"] = "10.88.0.1" });

        var hosts = CandidateCatalog.Build(context, DiscoveryConfiguration.Empty).Select(candidate => candidate.Endpoint.Host);

        Assert.That(hosts, Is.EqualTo(new[] { "redis", "redis-dev", "host.containers.internal", "localhost" }));
    }

    [Test]
    public void Build_OnHost_LocalhostLoopbackAndSecondPort()
    {
        var endpoints = CandidateCatalog.Build(CatalogContext.Host, DiscoveryConfiguration.Empty).Select(candidate => candidate.Endpoint.ToString());

        Assert.That(endpoints, Is.EqualTo(new[] { "localhost:6379", "127.0.0.1:6379", "localhost:6380" }));
    }

    [Test]
    public void Build_ConfiguredFirst_DuplicatesKeepTheHigherPriorityEntryAndItsCredentials()
    {
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(("REDIS_URL", "redis://:own@REDIS:6379")));

        var candidates = CandidateCatalog.Build(DockerBridge, configuration);

        Assert.Multiple(() =>
        {
            Assert.That(candidates[0].Endpoint.Host, Is.EqualTo("REDIS"));
            Assert.That(candidates[0].Credentials!.Password, Is.EqualTo("own"));
            Assert.That(candidates.Count(candidate => candidate.Endpoint.Host.Equals("redis", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1));
            Assert.That(candidates.Select(candidate => candidate.Priority), Is.EqualTo(Enumerable.Range(0, candidates.Count)));
        });
    }

    [Test]
    public void Build_CandidateList_ReplacesTheCatalog()
    {
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(("HEIMNETZ_REDIS_CANDIDATES", "x:1,y:2")));

        var endpoints = CandidateCatalog.Build(DockerBridge, configuration).Select(candidate => candidate.Endpoint.ToString());

        Assert.That(endpoints, Is.EqualTo(new[] { "x:1", "y:2" }));
    }

    [Test]
    public void Build_RedisPassword_GoesOnlyToCandidatesWithoutOwnCredentials()
    {
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(
            ("REDIS_URL", "redis://alice:0wn-pa55@a:1"),
            ("HEIMNETZ_REDIS_CANDIDATES", "b:2"),
            ("REDIS_PASSWORD", "shared")));

        var candidates = CandidateCatalog.Build(CatalogContext.Host, configuration);

        Assert.Multiple(() =>
        {
            Assert.That(candidates[0].Credentials, Is.EqualTo(new RedisCredentials("alice", "0wn-pa55")));
            Assert.That(candidates[1].Credentials, Is.EqualTo(new RedisCredentials(null, "shared")));
            Assert.That(candidates[0].ToString(), Does.Not.Contain("0wn-pa55"));
        });
    }
}
