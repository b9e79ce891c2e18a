using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Requirements;
using Heimnetz.Harness.Scenarios;
using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Scenarios.Tests.Matrix;

/// <summary>Each scenario's own invariants, one test per scenario so a failure names the situation that broke.</summary>
[TestFixture]
[Category(DockerRequirement.Category)]
public sealed class ScenarioInvariantTests
{
    private static IEnumerable<string> ScenarioNames() => Catalog.All.Select(scenario => scenario.Name);

    [TestCaseSource(nameof(ScenarioNames))]
    public async Task Scenario_OnRedis70_HoldsItsInvariants(string name)
    {
        var result = (await MatrixRun.ResultsAsync()).Single(r => r.Scenario.Name == name);

        if (result.Status == ScenarioStatus.Skipped)
        {
            // Only a fixed host port that someone else holds skips a scenario (Engine/HostPorts).
            MachineRequirement.Unmet($"scenario {name} was skipped: {result.SkipReason}");
        }

        Assert.That(result.Status, Is.EqualTo(ScenarioStatus.Passed), result.Describe());
    }
}
