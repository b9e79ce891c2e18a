namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// How one flavour's rows compare with its approved matrix. <see cref="Complete"/> is false when the run covered only
/// some approved scenarios (a shard or --scenario); then only those rows were compared and nothing can be accepted.
/// </summary>
public sealed record SnapshotComparison(string Server, bool Matches, bool Complete, string? Diff, string? ReceivedPath, bool Accepted, string Note);
