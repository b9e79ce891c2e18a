using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Checks;
using Heimnetz.Discovery;
using static Heimnetz.Tests.Diagnostics.DoctorContexts;

namespace Heimnetz.Tests.Diagnostics.Checks;

[TestFixture]
public sealed class RedisChecksUnitTests
{
    [Test]
    public void Candidates_OneChosen_SaysOkWithIdentityOfEveryCandidate()
    {
        var context = Live(DockerBridge(), Found(Ready("redis", 6379), Result("redis-dev", 6379, ProbeOutcome.DnsFailure, 1, "'redis-dev' did not resolve")));

        var finding = Run(new CandidatesCheck(), context).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.RedisCandidates, FindingSeverity.Ok)));
            Assert.That(finding.Title, Is.EqualTo("Redis chosen: redis:6379 (redis 7.0.15)"));
            Assert.That(finding.Observed, Has.Count.EqualTo(3));
            Assert.That(finding.Observed[0], Does.StartWith("discovery mode environment: nothing is configured"));
            Assert.That(finding.Observed[2], Does.Contain("redis-dev:6379").And.Contain("dns-failure"));
        });
    }

    [Test]
    public void Candidates_NoneChosen_IsInfoBecauseCacheModeCarriesTheError()
    {
        var finding = Run(new CandidatesCheck(), Live(Host, Found(Result("localhost", 6379, ProbeOutcome.Refused)))).Single();

        Assert.That(finding.Severity, Is.EqualTo(FindingSeverity.Info));
    }

    [Test]
    public void ServiceNames_NoneResolveAndNoRedis_WarnsWithNetworkRemedy()
    {
        var names = new[] { new NameResolution("redis", [], "does not resolve (HostNotFound)"), new NameResolution("redis-dev", [], "does not resolve (HostNotFound)") };

        var finding = Run(new ServiceNameCheck(), Live(DockerBridge(), Found(), names: names)).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.ServiceNameUnresolved, FindingSeverity.Warning)));
            Assert.That(finding.Remedy, Does.Contain("user-defined network"));
        });
    }

    [Test]
    public void ServiceNames_OneResolves_SaysOk()
    {
        var names = new[] { new NameResolution("redis", ["172.18.0.2"], null), new NameResolution("redis-dev", [], "does not resolve") };

        var finding = Run(new ServiceNameCheck(), Live(DockerBridge(), Found(), names: names)).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.ServiceNamesResolve, FindingSeverity.Ok)));
            Assert.That(finding.Observed, Has.Some.EqualTo("redis -> 172.18.0.2"));
        });
    }

    [Test]
    public void ServiceNames_OnHost_SaysNothing()
    {
        Assert.That(Run(new ServiceNameCheck(), Live(Host, Found(), names: [new NameResolution("redis", [], "x")])), Is.Empty);
    }

    [Test]
    public void PortOwner_RedisPublishedByContainer_NamesVersionContainerAndImage()
    {
        var engine = ReachableEngine(new PublishedPort("dev-redis-1", "redis:7.0", 6379, 6379, "0.0.0.0"));

        var finding = Run(new PortOwnerCheck(), Live(Host, Found(Ready("localhost", 6379)), engine)).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.PortHeldByRedis, FindingSeverity.Info)));
            Assert.That(finding.Title, Does.Contain("6379").And.Contain("redis 7.0.15"));
            Assert.That(finding.Observed, Has.Some.Contains("'dev-redis-1' (image redis:7.0)"));
        });
    }

    [Test]
    public void PortOwner_SomethingElseOnPort_WarnsAndNamesWhatAnsweredAndTheContainer()
    {
        var engine = ReachableEngine(new PublishedPort("web", "nginx:1.27", 6380, 80, null));
        var discovery = Found(Ready("localhost", 6379), Result("localhost", 6380, ProbeOutcome.NotRedis, 1, "answered 'HTTP/1.1 400 Bad Request' and closed"));

        var findings = Run(new PortOwnerCheck(), Live(Host, discovery, engine));

        var conflict = findings.Single(finding => finding.Code == FindingCodes.PortConflict);
        Assert.Multiple(() =>
        {
            Assert.That(conflict.Severity, Is.EqualTo(FindingSeverity.Warning));
            Assert.That(conflict.Title, Does.Contain("6380").And.Contain("answered HTTP"));
            Assert.That(conflict.Observed, Has.Some.Contains("'web' (image nginx:1.27)"));
        });
    }

    [Test]
    public void PortOwner_NotRedisOnLocalPort_IsNotRepeatedByThePeerCheck()
    {
        var context = Live(Host, Found(Result("localhost", 6379, ProbeOutcome.NotRedis, 0, "answered 'HTTP/1.1 400 Bad Request'")));

        Assert.Multiple(() =>
        {
            Assert.That(Run(new PortOwnerCheck(), context).Single().Code, Is.EqualTo(FindingCodes.PortConflict));
            Assert.That(Run(new UnresponsivePeerCheck(), context), Is.Empty);
        });
    }

    [Test]
    public void PortOwner_InContainer_SaysNothing()
    {
        Assert.That(Run(new PortOwnerCheck(), Live(DockerBridge(), Found(Ready("localhost", 6379)))), Is.Empty);
    }

    [Test]
    public void Auth_RequiredAndNothingChosen_IsErrorWithPasswordRemedy()
    {
        var context = Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.AuthRequired, 0, "Redis requires authentication (NOAUTH); no credentials configured for this candidate")));

        var finding = Run(new AuthCheck(), context).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.AuthRequired, FindingSeverity.Error)));
            Assert.That(finding.Remedy, Does.Contain("REDIS_PASSWORD").And.Contain("REDIS_URL"));
        });
    }

    [Test]
    public void Auth_FailedOnFallbackPassword_NamesWhereThePasswordCameFromButNotThePassword()
    {
        var credentials = new RedisCredentials(null, "hunter2-secret");
        var configuration = DiscoveryConfiguration.Empty with { FallbackCredentials = credentials };
        var context = Live(Host, Found(Result("localhost", 6379, ProbeOutcome.AuthFailed, 0, "Redis rejected this candidate's credentials (WRONGPASS)", credentials: credentials)), configuration: configuration);

        var finding = Run(new AuthCheck(), context).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.AuthFailed, FindingSeverity.Error)));
            Assert.That(finding.Observed, Has.Some.Contains("credentials from REDIS_PASSWORD"));
            Assert.That(string.Join(" ", finding.Observed.Append(finding.Title).Append(finding.Remedy)), Does.Not.Contain("hunter2-secret"));
        });
    }

    [Test]
    public void Auth_FailedOnLowerPriorityCandidateWhileAnotherIsChosen_IsOnlyInfo()
    {
        var context = Live(Host, Found(Ready("localhost", 6379), Result("localhost", 6380, ProbeOutcome.AuthFailed, 1, "rejected")));

        Assert.That(Run(new AuthCheck(), context).Single().Severity, Is.EqualTo(FindingSeverity.Info));
    }

    [Test]
    public void Auth_FailedOnHigherPriorityCandidateWhileFallbackIsChosen_Warns()
    {
        var context = Live(Host, Found(Result("cache.example.invalid", 6379, ProbeOutcome.AuthFailed, 0, "rejected", source: CandidateSource.Env), Ready("localhost", 6379, 1)));

        Assert.That(Run(new AuthCheck(), context).Single().Severity, Is.EqualTo(FindingSeverity.Warning));
    }

    [Test]
    public void Peer_Timeout_WarnsAboutSlowOrSilentPeer()
    {
        var context = Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.Timeout, 0, "no complete reply to PING within 250 ms")));

        var finding = Run(new UnresponsivePeerCheck(), context).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.PeerTimeout, FindingSeverity.Warning)));
            Assert.That(finding.Remedy, Does.Contain("redis-cli -h redis -p 6379 ping"));
        });
    }

    [Test]
    public void Peer_TimeoutOfProbeStoppedBecauseBetterWasReady_SaysNothing()
    {
        var stopped = Result("redis-dev", 6379, ProbeOutcome.Timeout, 1, "not finished") with { Finished = false };

        Assert.That(Run(new UnresponsivePeerCheck(), Live(DockerBridge(), Found(Ready("redis", 6379), stopped))), Is.Empty);
    }

    [Test]
    public void Peer_Squatter_NamesWhatAnswered()
    {
        var context = Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.NotRedis, 0, "answered 'HTTP/1.1 400 Bad Request' and the connection closed")));

        var finding = Run(new UnresponsivePeerCheck(), context).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.NotRedis, FindingSeverity.Warning)));
            Assert.That(finding.Title, Is.EqualTo("redis:6379 is not Redis: it answered HTTP"));
        });
    }

    [Test]
    public void CacheMode_RedisRefusesCredentials_IsErrorAndSaysWhy()
    {
        var context = Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.AuthRequired), Result("redis-dev", 6379, ProbeOutcome.DnsFailure, 1)));

        var finding = Run(new CacheModeCheck(), context).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.CacheMemoryMode, FindingSeverity.Error)));
            Assert.That(finding.Title, Does.Contain("refuses our credentials"));
            Assert.That(finding.Observed, Has.Some.EqualTo("2 candidates probed: 1 auth-required, 1 dns-failure"));
        });
    }

    [Test]
    public void CacheMode_NothingAnswered_SaysNoRedisAnswered()
    {
        var finding = Run(new CacheModeCheck(), Live(Host, Found(Result("localhost", 6379, ProbeOutcome.Refused)))).Single();

        Assert.That(finding.Title, Does.Contain("no Redis answered"));
    }

    [Test]
    public void CacheMode_RedisChosen_SaysNothing()
    {
        Assert.That(Run(new CacheModeCheck(), Live(Host, Found(Ready("localhost", 6379)))), Is.Empty);
    }
}
