using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Scenarios.Tests.Model;

/// <summary>The invariants over the sample service: they turn a cell red when the service disagrees with the probe or fails a client.</summary>
public sealed class ServiceInvariantUnitTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 11, 0, 0, TimeSpan.Zero);

    [Test]
    public void ServiceAgreesWithProbe_SameChoiceAndMode_Holds()
    {
        var seen = Observations.Seen("redis:6379", "redis") with { Service = new ServiceStatus("catalog", true, "redis:6379", "redis", []) };

        Assert.That(Check(Invariant.ServiceAgreesWithProbe, seen), Is.Null);
    }

    [Test]
    public void ServiceAgreesWithProbe_ServiceChoseAnother_NamesBothChoices()
    {
        var seen = Observations.Seen("redis:6379", "redis") with { Service = new ServiceStatus("catalog", true, "redis-dev:6379", "redis", []) };

        Assert.That(Check(Invariant.ServiceAgreesWithProbe, seen), Is.EqualTo("the service chose redis-dev:6379 (redis), the probe redis:6379 (redis)"));
    }

    [Test]
    public void ServiceAgreesWithProbe_NoServiceRan_IsViolated()
    {
        Assert.That(Check(Invariant.ServiceAgreesWithProbe, Observations.Seen("redis:6379", "redis")), Is.EqualTo("the service reported nothing"));
    }

    [Test]
    public void ServiceAnsweredEveryRequest_404sOnly_Holds()
    {
        var seen = Observations.Seen("redis:6379", "redis") with { Traffic = new TrafficRun([Request(404), Request(404)]) };

        Assert.That(Check(Invariant.ServiceAnsweredEveryRequest, seen), Is.Null);
    }

    [Test]
    public void ServiceAnsweredEveryRequest_A503AndADroppedConnection_CountsBoth()
    {
        var seen = Observations.Seen("redis:6379", "redis") with { Traffic = new TrafficRun([Request(404), Request(503), Request(0)]) };

        Assert.That(Check(Invariant.ServiceAnsweredEveryRequest, seen), Is.EqualTo("of 3 requests 1 got a 5xx and 1 no response"));
    }

    [Test]
    public void ServiceAnsweredEveryRequest_NoTraffic_IsViolated()
    {
        Assert.That(Check(Invariant.ServiceAnsweredEveryRequest, Observations.Seen("redis:6379", "redis")), Is.EqualTo("no request was sent"));
    }

    [Test]
    public void ServiceTransitions_StoryFromFirstRedis_IgnoresTheStartUpConnect()
    {
        var seen = Observations.Seen("redis:6379", "redis") with
        {
            Service = new ServiceStatus("catalog", true, "redis:6379", "redis", [Transition("memory", "redis", 1), Transition("redis", "memory", 5), Transition("memory", "redis", 9)]),
        };

        Assert.Multiple(() =>
        {
            Assert.That(Check(Invariant.ServiceTransitions("redis", "memory", "redis"), seen), Is.Null);
            Assert.That(Check(Invariant.ServiceTransitions("redis", "memory", "redis"), seen with { Service = seen.Service! with { Transitions = [Transition("memory", "redis", 1)] } }), Is.EqualTo("service modes were unchanged"));
        });
    }

    private static string? Check(Invariant invariant, ScenarioObservation seen) =>
        invariant.Check(seen, new ScenarioContext("failover-stop", LogicalImage.Redis70, new TopologyBuilder("unit")));

    private static TrafficRequest Request(int status) => new(Start, status, 1.5);

    private static ServiceTransition Transition(string from, string to, double seconds) => new(from, to, Start.AddSeconds(seconds), $"{from} to {to}");
}
