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

    /// <summary>The approved file of a flavour: <c>matrix-redis-7.0</c> on Docker, <c>matrix-redis-7.0.podman</c> for <c>redis-7.0@podman</c>.</summary>
    public static SnapshotFile For(string flavour, string? directory = null) => new(directory ?? Directory, $"matrix-{flavour.Replace('@', '.')}", "md");
}
