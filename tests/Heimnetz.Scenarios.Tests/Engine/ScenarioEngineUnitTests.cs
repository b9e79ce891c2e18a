using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Model;
using Heimnetz.Probing;

namespace Heimnetz.Scenarios.Tests.Engine;

/// <summary>What the engine keeps of a scenario that builds nothing: no engine is needed, only the host lease's file lock.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ScenarioEngineUnitTests
{
    private const string WatchSaid = "dbug RecoveryAttemptFailed: Recovery attempt 3 failed: 'redis' did not resolve";

    [Test]
    public async Task RunOne_InvariantViolated_LogsEndWithTheScenarioDiagnostics()
    {
        var result = await new ScenarioEngine().RunOneAsync(new Told(holds: false), LogicalImage.Redis70, keep: false);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ScenarioStatus.Violated), result.Describe());
            Assert.That(result.Logs, Does.EndWith(WatchSaid), "a cell file keeps the tail of the logs, so the scenario's own output comes last");
        });
    }

    [Test]
    public async Task RunOne_EveryInvariantHolds_KeepsNoLogs()
    {
        var result = await new ScenarioEngine().RunOneAsync(new Told(holds: true), LogicalImage.Redis70, keep: false);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(ScenarioStatus.Passed), result.Describe());
            Assert.That(result.Logs, Is.Null);
        });
    }

    /// <summary>A scenario that starts nothing and reports what its tools printed; its one invariant holds or not, as told.</summary>
    private sealed class Told(bool holds) : Scenario
    {
        public override string Name => "told";

        public override string Situation => "Nothing runs; the observation is given.";

        public override IReadOnlyList<Invariant> Invariants { get; } = [new Invariant("what the test says", (_, _) => holds ? null : "the test said no")];

        public override Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new ScenarioObservation(
                new ProbeReport(
                    ProbeReport.CurrentSchema,
                    new EnvironmentSection("docker", 2, "bridge", "172.18.0.1", []),
                    new DiscoverySection([new CandidateSection("redis:6379", "default", "ready", 0.8, "PONG")], "redis:6379", 12.5),
                    new CacheSection("redis", 0.4)),
                string.Empty,
                "user-defined")
            {
                Diagnostics = $"--- heimnetz watch: stderr ---{Environment.NewLine}{WatchSaid}",
            });
    }
}
