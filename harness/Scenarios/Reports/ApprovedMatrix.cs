using Heimnetz.Harness.Fixtures;
using Heimnetz.Harness.Fixtures.Snapshots;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// Where the approved resolution matrix of each server flavour lives: one file per flavour, shared by the NUnit snapshot
/// test and the Cake Matrix target, so a behaviour change is approved once.
/// </summary>
public static class ApprovedMatrix
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot.Path, "harness", "Scenarios", "Approved");

    public static SnapshotFile For(string server, string? directory = null) => new(directory ?? Directory, $"matrix-{server}", "md");
}
