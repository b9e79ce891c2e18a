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

    [Test]
    public void Build_RedisUrlSet_ProbesOnlyTheConfiguredEndpoint()
    {
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(("REDIS_URL", "redis://cache.internal:6380")));

        var endpoints = CandidateCatalog.Build(DockerBridge, configuration).Select(candidate => candidate.Endpoint.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(endpoints, Is.EqualTo(new[] { "cache.internal:6380" }), "a configured Redis that is down must not be replaced by whatever else answers");
            Assert.That(configuration.Scope, Is.EqualTo(CandidateScope.Configured));
            Assert.That(configuration.ScopeReason, Does.StartWith("REDIS_URL is set, so only what it names is probed"));
        });
    }

    [Test]
    public void Build_ConnectionStringSet_ProbesOnlyItsEndpoints()
    {
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(("HEIMNETZ_REDIS_CONNECTION", "a:1,b:2,password=x-y-z-w")));

        var endpoints = CandidateCatalog.Build(CatalogContext.Host, configuration).Select(candidate => candidate.Endpoint.ToString());

        Assert.That(endpoints, Is.EqualTo(new[] { "a:1", "b:2" }));
    }

    [Test]
    public void Build_CatalogFallbackOptedIn_ProbesTheCatalogAfterTheConfiguredEndpoint()
    {
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(
            ("REDIS_URL", "redis://cache.internal:6380"),
            ("HEIMNETZ_REDIS_CATALOG_FALLBACK", "true")));

        var endpoints = CandidateCatalog.Build(DockerBridge, configuration).Select(candidate => candidate.Endpoint.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(endpoints, Is.EqualTo(new[] { "cache.internal:6380", "redis:6379", "redis-dev:6379", "host.docker.internal:6379", "172.18.0.1:6379", "localhost:6379" }));
            Assert.That(configuration.Scope, Is.EqualTo(CandidateScope.ConfiguredThenEnvironment));
        });
    }

    [Test]
    public void Build_NothingConfigured_ScopeIsTheEnvironmentAndSaysWhy()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DiscoveryConfiguration.Empty.Scope, Is.EqualTo(CandidateScope.Environment));
            Assert.That(DiscoveryConfiguration.Empty.ScopeReason, Does.StartWith("nothing is configured"));
        });
    }

    [TestCase("HEIMNETZ_REDIS_CATALOG_FALLBACK", "yes please")]
    [TestCase("Heimnetz:Redis:CatalogFallback", "1")]
    [TestCase("HEIMNETZ_REDIS_PASSWORD_TO_HOST", "maybe")]
    public void From_SwitchThatIsNotABoolean_NamesTheKeyAndTheValue(string key, string value)
    {
        var error = Assert.Throws<Heimnetz.Configuration.HeimnetzConfigurationException>(() => DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config((key, value))));

        Assert.That(error!.Message, Does.Contain(key).And.Contain($"'{value}' is not a switch; expected true or false"));
    }

    [TestCase(false, new[] { "redis:6379", "redis-dev:6379", "localhost:6379" })]
    [TestCase(true, new[] { "redis:6379", "redis-dev:6379", "host.docker.internal:6379", "172.18.0.1:6379", "localhost:6379" })]
    public void Build_RedisPasswordWithNothingConfigured_ReachesTheHostOnlyWhenAskedTo(bool toHost, string[] receivers)
    {
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(
            ("REDIS_PASSWORD", "shared"),
            ("HEIMNETZ_REDIS_PASSWORD_TO_HOST", toHost ? "true" : null)));

        var candidates = CandidateCatalog.Build(DockerBridge, configuration);

        Assert.That(candidates.Where(candidate => candidate.Credentials is not null).Select(candidate => candidate.Endpoint.ToString()), Is.EqualTo(receivers));
    }
}
