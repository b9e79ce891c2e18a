namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>What a cell's colour says, worst first. Everything but <see cref="Passed"/> needs a person's attention.</summary>
public enum CellState
{
    /// <summary>The scenario threw or could not report.</summary>
    Failed,

    /// <summary>An invariant of the scenario did not hold.</summary>
    Violated,

    /// <summary>Some repeated runs gave the approved row and some did not.</summary>
    Unstable,

    /// <summary>The scenario passed its invariants, but its row is not the approved one.</summary>
    Differs,

    /// <summary>The flavour's approved matrix has no row for this scenario yet.</summary>
    Unapproved,

    /// <summary>Skipped for a condition of the machine (e.g. a busy host port); its row cannot be the approved one.</summary>
    Skipped,

    /// <summary>The situation cannot exist on this engine, and the approved row says so with the same reason.</summary>
    NotApplicable,

    /// <summary>Passed, and every run gave the approved row.</summary>
    Passed,
}
