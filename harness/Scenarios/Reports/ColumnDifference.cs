namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>One column of a matrix row that differs from the approved row: what was approved, what this run gave.</summary>
public sealed record ColumnDifference(string Column, string Approved, string Actual)
{
    public override string ToString() => $"{Column}: approved '{Approved}', got '{Actual}'";
}
