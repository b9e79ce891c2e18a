using Heimnetz.Discovery;

namespace Heimnetz.Tests.Discovery;

[TestFixture]
public sealed class DiscoveryReportMapperUnitTests
{
    [Test]
    public void ToSection_ChosenAndLosers_MapsContractFieldsAndSaysWhyAReadyOneLost()
    {
        var first = Candidate("redis", 0, CandidateSource.Default, "compose service name");
        var second = Candidate("localhost", 1, CandidateSource.Env, "HEIMNETZ_REDIS_CANDIDATES");
        var third = Candidate("web", 2, CandidateSource.Config, "Heimnetz:Redis:Candidates");
        var chosen = new CandidateResult(first, ProbeOutcome.Ready, TimeSpan.FromMilliseconds(1.234), "PONG; redis 7.0.15", new ServerIdentity("redis", "7.0.15", "run1"));
        var report = new DiscoveryReport(
            [
                chosen,
                new CandidateResult(second, ProbeOutcome.Ready, TimeSpan.FromMilliseconds(0.5), "PONG; valkey 8.1.1", new ServerIdentity("valkey", "8.1.1", "run2")) { Verdict = "lower priority than redis:6379" },
                new CandidateResult(third, ProbeOutcome.NotRedis, TimeSpan.FromMilliseconds(2), "answered 'HTTP/1.1 400 Bad Request'", null),
            ],
            chosen,
            TimeSpan.FromMilliseconds(3.456));

        var section = report.ToSection();

        Assert.Multiple(() =>
        {
            Assert.That(section.Chosen, Is.EqualTo("redis:6379"));
            Assert.That(section.ElapsedMs, Is.EqualTo(3.46));
            Assert.That(section.Candidates.Select(candidate => (candidate.Endpoint, candidate.Source, candidate.Outcome)), Is.EqualTo(new[]
            {
                ("redis:6379", "default", "ready"),
                ("localhost:6379", "env", "ready"),
                ("web:6379", "config", "not-redis"),
            }));
            Assert.That(section.Candidates[0].LatencyMs, Is.EqualTo(1.23));
            Assert.That(section.Candidates[0].Reason, Is.EqualTo("compose service name"));
            Assert.That(section.Candidates[0].Server, Is.EqualTo(new Heimnetz.Probing.ServerIdentitySection("redis", "7.0.15", "run1")));
            Assert.That(section.Candidates[1].Detail, Is.EqualTo("PONG; valkey 8.1.1; lower priority than redis:6379"));
            Assert.That(section.Candidates[2].Detail, Is.EqualTo("answered 'HTTP/1.1 400 Bad Request'"));
            Assert.That(section.Candidates[2].Server, Is.Null);
        });
    }

    [Test]
    public void ToSection_NothingChosen_ChosenIsNull()
    {
        var section = new DiscoveryReport([], null, TimeSpan.Zero).ToSection();

        Assert.That(section.Chosen, Is.Null);
    }

    private static RedisCandidate Candidate(string host, int priority, CandidateSource source, string reason) =>
        new(new RedisEndpoint(host, 6379), null, false, source, priority, reason);
}
