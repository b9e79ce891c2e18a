using Heimnetz.Harness.Scenarios.Cells;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>The merged matrix: every cell judged against its approved row, and each flavour's comparison with its approved matrix.</summary>
public sealed record MatrixOutcome(IReadOnlyList<CellVerdict> Verdicts, IReadOnlyList<SnapshotComparison> Snapshots)
{
    public IReadOnlyList<CellResult> Cells => Verdicts.Select(verdict => verdict.Cell).ToList();

    /// <summary>The cells a person has to look at: failed, violated, unstable, differing, unapproved or skipped.</summary>
    public IReadOnlyList<CellVerdict> Problems => Verdicts.Where(verdict => verdict.NeedsAttention).ToList();

    /// <summary>Every cell passed with its approved row in every run, and every flavour matches its approved matrix.</summary>
    public bool IsGreen => Problems.Count == 0 && Snapshots.All(snapshot => snapshot.Matches);

    /// <summary>Judges cells against approved rows (in the order given).</summary>
    public static MatrixOutcome Judge(IReadOnlyList<CellResult> cells, IReadOnlyList<SnapshotComparison> snapshots, ApprovedRows approved)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return new MatrixOutcome(cells.Select(cell => CellVerdict.Of(cell, approved)).ToList(), snapshots);
    }
}
