using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Model;
using Heimnetz.Harness.Scenarios.Reports;
using Heimnetz.Probing;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>
/// One cell's result as written to <c>cells/&lt;server&gt;/&lt;scenario&gt;.json</c>: the matrix row, the status with its
/// violations or failure, the timings, the probe report and the topology — everything the merged report needs.
/// </summary>
public sealed record CellResult(
    string Scenario,
    string Server,
    string Situation,
    string AppRuns,
    ScenarioStatus Status,
    double WallMs,
    MatrixRow Row)
{
    /// <summary>
    /// The longest tail of logs kept in a cell file; enough to see why it failed. A failover drill's tail holds the
    /// service's log and then watch's own (a transition timeline and a line per recovery attempt).
    /// </summary>
    public const int LogTail = 32000;

    public IReadOnlyList<string> Violations { get; init; } = [];

    public string? Failure { get; init; }

    public string? SkipReason { get; init; }

    public string? Logs { get; init; }

    /// <summary>What the app's probe reported; null when the scenario failed before it reported.</summary>
    public ProbeReport? Report { get; init; }

    public IReadOnlyList<ModeTransition> Transitions { get; init; } = [];

    /// <summary>Measured figures in milliseconds (never part of the snapshot).</summary>
    public IReadOnlyDictionary<string, double> Timings { get; init; } = new Dictionary<string, double>();

    public TopologySketch Topology { get; init; } = TopologySketch.Empty;

    /// <summary>How many runs gave the approved row (e.g. 3/3); null when the flavour has no approved row for the scenario.</summary>
    public CellAgreement? Agreement { get; init; }

    /// <summary>The runs whose row was not the approved one (empty when all agreed or nothing was approved).</summary>
    public IReadOnlyList<DisagreeingRun> Disagreements { get; init; } = [];

    /// <summary>Which engine ran the cell (<c>--engine-label</c>): the report's answer when one matrix spans several engines.</summary>
    public string Engine { get; init; } = EngineTarget.Docker;

    /// <summary>Each run's wall time in milliseconds, in run order (one entry for a single run).</summary>
    public IReadOnlyList<double> RunWallMs { get; init; } = [];

    /// <summary>Passed or skipped: nothing to fix.</summary>
    public bool IsGreen => Status is ScenarioStatus.Passed or ScenarioStatus.Skipped or ScenarioStatus.NotApplicable;

    /// <summary>
    /// One cell from its repeated runs: the agreement with the approved row, and as the cell's own detail the first run
    /// that disagreed (that is the one to look at), else the last run.
    /// </summary>
    public static CellResult From(IReadOnlyList<ScenarioResult> runs, ApprovedRows approved)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(approved);
        if (runs.Count == 0)
        {
            throw new ArgumentException("A cell needs at least one run.", nameof(runs));
        }

        var judged = runs.Select((run, index) => (Run: index + 1, Result: run, Cell: From(run))).ToList();
        var comparisons = judged.Select(run => (run.Run, run.Result, run.Cell, Differences: approved.Compare(run.Cell.Row))).ToList();
        var representative = comparisons.FirstOrDefault(run => run.Differences is { Count: > 0 }) is { Cell: not null } first ? first.Cell : judged[^1].Cell;
        var measured = comparisons.All(run => run.Differences is not null);
        return representative with
        {
            Agreement = measured ? new CellAgreement(comparisons.Count(run => run.Differences is { Count: 0 }), runs.Count) : null,
            Disagreements = comparisons.Where(run => run.Differences is { Count: > 0 }).Select(run => new DisagreeingRun(run.Run, run.Result.Status, run.Cell.Row)).ToList(),
            RunWallMs = judged.Select(run => run.Cell.WallMs).ToList(),
        };
    }

    public static CellResult From(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new CellResult(
            result.Scenario.Name,
            result.Server,
            result.Scenario.Situation,
            result.Scenario.AppRuns,
            result.Status,
            Math.Round(result.WallTime.TotalMilliseconds, 1),
            ResolutionMatrix.Rows([result])[0])
        {
            Violations = result.Violations,
            Failure = result.Failure,
            SkipReason = result.SkipReason,
            Logs = result.Logs is { Length: > LogTail } logs ? "…" + logs[^LogTail..] : result.Logs,
            Report = result.Observation?.Report,
            Transitions = result.Observation?.Transitions ?? [],
            Timings = result.Observation?.Timings ?? new Dictionary<string, double>(),
            Topology = result.Topology,
            RunWallMs = [Math.Round(result.WallTime.TotalMilliseconds, 1)],
        };
    }
}
