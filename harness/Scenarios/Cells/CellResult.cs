using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Model;
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
    /// <summary>The longest tail of container logs kept in a cell file; enough to see why it failed.</summary>
    public const int LogTail = 8000;

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

    /// <summary>Passed or skipped: nothing to fix.</summary>
    public bool IsGreen => Status is ScenarioStatus.Passed or ScenarioStatus.Skipped;

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
        };
    }
}
