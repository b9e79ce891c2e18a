using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Harness.Scenarios.Model;

/// <summary>
/// One real-world situation, reproduced as a topology: a name, a sentence on what it reproduces, what it builds, and the
/// invariants it expects. Scenarios are plain compiled classes; the engine runs them and collects one matrix row each.
/// </summary>
public abstract class Scenario
{
    /// <summary>The scenario's stable name (kebab-case), used on the command line and in the matrix.</summary>
    public abstract string Name { get; }

    /// <summary>One sentence on the situation this reproduces.</summary>
    public abstract string Situation { get; }

    /// <summary>Where the app runs: "container" or "host".</summary>
    public virtual string AppRuns => "container";

    /// <summary>Fixed host ports the scenario binds; such scenarios run one at a time, and are skipped when a port is busy.</summary>
    public virtual IReadOnlyList<int> HostPorts => [];

    /// <summary>
    /// Why the situation cannot exist on <paramref name="engine"/>, or null when it can. The cell then shows the reason as
    /// its row (approved like any other), never a silent skip.
    /// </summary>
    public virtual string? NotApplicableOn(EngineTarget engine) => null;

    /// <summary>Builds the topology, runs the probe (or watch) in it, and returns what the app saw.</summary>
    public abstract Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken);

    /// <summary>What must hold for this scenario; checked by the engine after <see cref="RunAsync"/>.</summary>
    public abstract IReadOnlyList<Invariant> Invariants { get; }

    public override string ToString() => Name;
}
