using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// A cell judged against its approved row: its <see cref="State"/>, a one-line <see cref="Reason"/> for the terminal and
/// the report, and the columns that differ. A passed cell whose row is not the approved one is a problem, not a pass.
/// </summary>
public sealed record CellVerdict(CellResult Cell, CellState State, string Reason, IReadOnlyList<ColumnDifference> Differences)
{
    public bool NeedsAttention => State is not (CellState.Passed or CellState.NotApplicable);

    /// <summary>Judges a cell by its status, its agreement over repeated runs and its row against the approved one.</summary>
    public static CellVerdict Of(CellResult cell, ApprovedRows approved)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(approved);
        var differences = approved.Compare(cell.Row);
        var differing = differences is { Count: > 0 } ? Describe(differences) : null;
        return cell.Status switch
        {
            ScenarioStatus.Failed => new(cell, CellState.Failed, FirstLine(cell.Failure) ?? "failed", differences ?? []),
            ScenarioStatus.Violated => new(cell, CellState.Violated, cell.Violations.FirstOrDefault() ?? "violated", differences ?? []),
            _ when cell.Agreement is { IsUnanimous: false, Agreed: > 0 } agreement =>
                new(cell, CellState.Unstable, $"{agreement} runs gave the approved row; {differing ?? "another run differed"}", differences ?? []),
            ScenarioStatus.Skipped => new(cell, CellState.Skipped, cell.SkipReason ?? "skipped", differences ?? []),
            _ when differences is null => new(cell, CellState.Unapproved, $"no approved row for {cell.Scenario} on {cell.Server}", []),
            _ when differing is not null => new(cell, CellState.Differs, $"differs from its approved row: {differing}", differences!),
            ScenarioStatus.NotApplicable => new(cell, CellState.NotApplicable, cell.SkipReason ?? "not applicable", []),
            _ when cell.Agreement is { IsUnanimous: false } agreement =>
                new(cell, CellState.Unstable, $"{agreement} runs gave the approved row", []),
            _ => new(cell, CellState.Passed, cell.Agreement is { Runs: > 1 } all ? $"{all} runs gave the approved row" : "ok", []),
        };
    }

    private static string Describe(IReadOnlyList<ColumnDifference> differences) =>
        string.Join("; ", differences.Select(difference => $"{difference.Column} '{difference.Actual}' (approved '{difference.Approved}')"));

    private static string? FirstLine(string? text) => text?.Split('\n')[0].Trim();
}
