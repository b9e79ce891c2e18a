using System.Diagnostics;
using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Engine;

/// <summary>
/// Runs scenarios into results: those that share nothing in parallel, those that bind fixed host ports one at a time.
/// Every topology is removed afterwards, whether the scenario passed, violated an invariant or threw.
/// </summary>
public sealed class ScenarioEngine(int parallelism = 3)
{
    /// <summary>Reports each finished scenario as it completes (progress for the terminal).</summary>
    public event EventHandler<ScenarioResult>? Completed;

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(IEnumerable<Scenario> scenarios, LogicalImage server, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var all = scenarios.ToList();
        var results = new ScenarioResult?[all.Count];

        var shared = all.Select((scenario, index) => (scenario, index)).Where(pair => pair.scenario.HostPorts.Count == 0);
        await Parallel.ForEachAsync(shared, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (pair, token) =>
            results[pair.index] = await RunOneAsync(pair.scenario, server, keep: false, token).ConfigureAwait(false)).ConfigureAwait(false);

        foreach (var (scenario, index) in all.Select((scenario, index) => (scenario, index)).Where(pair => pair.scenario.HostPorts.Count > 0))
        {
            results[index] = await RunOneAsync(scenario, server, keep: false, cancellationToken).ConfigureAwait(false);
        }

        return results.Select(result => result!).ToList();
    }

    public async Task<ScenarioResult> RunOneAsync(Scenario scenario, LogicalImage server, bool keep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(server);
        var result = await ExecuteAsync(scenario, server, keep, cancellationToken).ConfigureAwait(false);
        Completed?.Invoke(this, result);
        return result;
    }

    private static async Task<ScenarioResult> ExecuteAsync(Scenario scenario, LogicalImage server, bool keep, CancellationToken cancellationToken)
    {
        var engine = EngineTarget.Current;
        var flavour = engine.Flavour(server.Name);
        if (scenario.NotApplicableOn(engine) is { } notHere)
        {
            return new ScenarioResult(scenario, flavour, ScenarioStatus.NotApplicable, TimeSpan.Zero) { SkipReason = notHere };
        }

        // Waiting for the host is not the scenario's time: the clock starts once it has its share.
        using var lease = await HostLease.AcquireAsync(exclusive: scenario.HostPorts.Count > 0, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        if (HostPorts.FindBusy(scenario.HostPorts) is { } busy)
        {
            return new ScenarioResult(scenario, flavour, ScenarioStatus.Skipped, clock.Elapsed) { SkipReason = busy };
        }

        var topology = new TopologyBuilder($"{scenario.Name}-{flavour.Replace('.', '-').Replace('@', '-')}") { Keep = keep };
        await using (topology.ConfigureAwait(false))
        {
            var context = new ScenarioContext(scenario.Name, server, topology) { Engine = engine };
            var result = await ObserveAsync(scenario, flavour, context, clock, cancellationToken).ConfigureAwait(false) with { Topology = topology.Sketch() };
            // A node whose start failed before the engine created it has nothing to keep (and no id).
            return keep
                ? result with { KeptContainers = topology.Nodes.Where(node => node.CreatedId is not null).Select(node => (node.Role, node.CreatedId!)).ToList() }
                : result;
        }
    }

    /// <summary>The containers' logs, then what the scenario's own tools printed: a cell file keeps the tail.</summary>
    private static async Task<string> LogsAsync(ScenarioContext context, ScenarioObservation observation)
    {
        var containers = await context.Topology.CollectLogsAsync().ConfigureAwait(false);
        return observation.Diagnostics is { } diagnostics ? containers + Environment.NewLine + diagnostics : containers;
    }

    private static async Task<ScenarioResult> ObserveAsync(Scenario scenario, string flavour, ScenarioContext context, Stopwatch clock, CancellationToken cancellationToken)
    {
        try
        {
            var observation = await scenario.RunAsync(context, cancellationToken).ConfigureAwait(false);
            var violations = scenario.Invariants.Append(Invariant.RemediesProven)
                .Select(invariant => invariant.Check(observation, context) is { } seen ? $"expected {invariant.Description}, but {seen}" : null)
                .OfType<string>()
                .ToList();
            return new ScenarioResult(scenario, flavour, violations.Count == 0 ? ScenarioStatus.Passed : ScenarioStatus.Violated, clock.Elapsed)
            {
                Observation = observation,
                Scrubs = new Dictionary<string, string>(context.Scrubs),
                Violations = violations,
                Logs = violations.Count == 0 ? null : await LogsAsync(context, observation).ConfigureAwait(false),
            };
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ScenarioResult(scenario, flavour, ScenarioStatus.Failed, clock.Elapsed)
            {
                Failure = $"at step '{context.CurrentStep}': {error.GetType().Name}: {error.Message}",
                Logs = await context.Topology.CollectLogsAsync().ConfigureAwait(false),
            };
        }
    }
}
