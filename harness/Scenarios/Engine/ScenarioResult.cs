using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Engine;

/// <summary>One scenario on one server flavour: what happened, what the app saw, and what did not hold.</summary>
public sealed record ScenarioResult(Scenario Scenario, string Server, ScenarioStatus Status, TimeSpan WallTime)
{
    public ScenarioObservation? Observation { get; init; }

    /// <summary>Values to show by role instead of as they were in this run.</summary>
    public IReadOnlyDictionary<string, string> Scrubs { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>For <see cref="ScenarioStatus.Failed"/>: the step that failed and the error.</summary>
    public string? Failure { get; init; }

    /// <summary>For <see cref="ScenarioStatus.Failed"/>: the containers' output.</summary>
    public string? Logs { get; init; }

    /// <summary>For <see cref="ScenarioStatus.Skipped"/>: why it could not run here.</summary>
    public string? SkipReason { get; init; }

    /// <summary>The networks and nodes the scenario built, by role, for the report's drawing.</summary>
    public TopologySketch Topology { get; init; } = TopologySketch.Empty;

    /// <summary>For a run with <c>--keep</c>: the containers left up, as (role, container id).</summary>
    public IReadOnlyList<(string Role, string ContainerId)> KeptContainers { get; init; } = [];

    /// <summary>A one-paragraph account for a test failure message or the terminal.</summary>
    public string Describe() => Status switch
    {
        ScenarioStatus.Passed => $"{Scenario.Name} on {Server}: passed",
        ScenarioStatus.Violated => $"{Scenario.Name} on {Server}: {string.Join("; ", Violations)}",
        ScenarioStatus.Failed => $"{Scenario.Name} on {Server}: failed {Failure}{Environment.NewLine}{Logs}",
        _ => $"{Scenario.Name} on {Server}: skipped ({SkipReason})",
    };
}
