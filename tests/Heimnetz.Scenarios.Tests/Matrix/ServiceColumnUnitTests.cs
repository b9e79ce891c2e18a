using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Scenarios;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Model;
using Heimnetz.Scenarios.Tests.Model;

namespace Heimnetz.Scenarios.Tests.Matrix;

/// <summary>The matrix's service column: what the sample service's /status said, in the same scrubbed words as the probe's columns.</summary>
public sealed class ServiceColumnUnitTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 11, 0, 0, TimeSpan.Zero);

    [Test]
    public void Row_ServiceOnRedis_ShowsModeAndItsChosenEndpoint()
    {
        var row = Row(Observations.Seen() with { Service = new ServiceStatus("catalog", true, "redis:6379", "redis", [Transition("memory", "redis", 1)]) });

        Assert.That(row.Service, Is.EqualTo("redis via redis:6379"));
    }

    [Test]
    public void Row_ServiceThroughAFailoverDrill_ShowsTheStoryFromItsFirstTimeOnRedis()
    {
        var row = Row(Observations.Seen() with
        {
            // The drill's own record (watch's transitions) is what makes this a failover scenario.
            Transitions = [new ModeTransition("redis", "memory", "stopped", Start.AddSeconds(5)), new ModeTransition("memory", "redis", "back", Start.AddSeconds(9))],
            Service = new ServiceStatus("catalog", true, "redis:6379", "redis", [Transition("memory", "redis", 1), Transition("redis", "memory", 5), Transition("memory", "redis", 9)]),
        });

        Assert.That(row.Service, Is.EqualTo("redis→memory→redis via redis:6379"));
    }

    [Test]
    public void Row_ServiceFlappedOnceWhereNothingBreaksRedis_ShowsWhereItEndedUp()
    {
        // A write that could not wait on a starved machine: memory for a few milliseconds, then Redis again.
        var row = Row(Observations.Seen() with
        {
            Service = new ServiceStatus("catalog", true, "redis:6379", "redis", [Transition("memory", "redis", 1), Transition("redis", "memory", 2), Transition("memory", "redis", 2.05)]),
        });

        Assert.That(row.Service, Is.EqualTo("redis via redis:6379"));
    }

    [Test]
    public void Row_ServiceChoseTheGateway_IsScrubbedToItsRole()
    {
        var row = Row(Observations.Seen() with { Service = new ServiceStatus("catalog", true, "172.17.0.1:6379", "redis", []) }, new Dictionary<string, string> { ["172.17.0.1"] = "<bridge-gateway>" });

        Assert.That(row.Service, Is.EqualTo("redis via <bridge-gateway>:6379"));
    }

    [Test]
    public void Row_NothingChosen_SaysSo()
    {
        var row = Row(Observations.Seen() with { Service = new ServiceStatus("catalog", true, null, "memory", []) });

        Assert.That(row.Service, Is.EqualTo("memory, none chosen"));
    }

    [Test]
    public void Row_NoServiceRan_ShowsWhyInsteadOfAnEmptyCell()
    {
        var row = Row(Observations.Seen() with { NoService = "not run: the app is a host process" });

        Assert.That(row.Service, Is.EqualTo("not run: the app is a host process"));
    }

    [Test]
    public void Markdown_HasTheServiceColumnBetweenCandidatesAndDoctor()
    {
        var header = ResolutionMatrix.ToMarkdown([]).Split('\n')[0];

        Assert.That(header, Does.Contain("| candidates | service | doctor |"));
    }

    private static MatrixRow Row(ScenarioObservation observation, IReadOnlyDictionary<string, string>? scrubs = null) =>
        ResolutionMatrix.Rows([new ScenarioResult(Catalog.Find("bridge-service-name"), "redis-7.0", ScenarioStatus.Passed, TimeSpan.FromSeconds(3))
        {
            Observation = observation,
            Scrubs = scrubs ?? new Dictionary<string, string>(),
        }])[0];

    private static ServiceTransition Transition(string from, string to, double seconds) => new(from, to, Start.AddSeconds(seconds), $"{from} to {to}");
}
