using Heimnetz.Harness.Scenarios.Cells;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>The merged matrix: every cell and each flavour's comparison with its approved matrix.</summary>
public sealed record MatrixOutcome(IReadOnlyList<CellResult> Cells, IReadOnlyList<SnapshotComparison> Snapshots)
{
    /// <summary>Every cell passed (or was skipped) and every flavour matches its approved matrix.</summary>
    public bool IsGreen => Cells.All(cell => cell.IsGreen) && Snapshots.All(snapshot => snapshot.Matches);
}
