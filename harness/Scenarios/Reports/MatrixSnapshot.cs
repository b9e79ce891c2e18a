using System.Diagnostics;
using Heimnetz.Harness.Fixtures.Snapshots;
using Heimnetz.Harness.Scenarios.Matrix;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// Compares one flavour's rows with its approved matrix through the same <see cref="SnapshotDecision"/> as the snapshot
/// verifier (received file on mismatch, accept only when asked and never on CI), but returns the diff instead of throwing,
/// for the terminal and the report.
/// </summary>
public sealed class MatrixSnapshot(SnapshotSettings settings, string? approvedDirectory = null)
{
    private readonly SnapshotDecision decision = new(settings, absentName: "(no approved matrix)");

    public async Task<SnapshotComparison> CompareAsync(string server, IReadOnlyList<MatrixRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var file = ApprovedMatrix.For(server, approvedDirectory);
        var verified = await SnapshotDecision.ReadVerifiedAsync(file, cancellationToken).ConfigureAwait(false);
        var present = rows.Select(row => row.Scenario).ToHashSet(StringComparer.Ordinal);
        var approvedScenarios = verified is null ? [] : DataLines(verified).Select(ScenarioOf).ToList();
        var complete = approvedScenarios.All(present.Contains);

        // A partial run compares its rows with the same rows of the approved matrix.
        var part = complete
            ? null
            : string.Concat(verified!.Split('\n').Take(2).Select(line => line + "\n")) + string.Concat(DataLines(verified).Where(line => present.Contains(ScenarioOf(line))).Select(line => line + "\n"));

        var outcome = await decision.DecideAsync(file, verified, ResolutionMatrix.ToMarkdown(rows), part, cancellationToken).ConfigureAwait(false);
        var how = settings.IsContinuousIntegration
            ? "CI never accepts snapshots: run the matrix locally, review the received file, and commit the verified one"
            : $"review {file.ReceivedPath}; to accept, rename it to the verified name or run with {SnapshotSettings.AcceptVariable}=true";
        return outcome switch
        {
            SnapshotOutcome.Matched => new SnapshotComparison(server, Matches: true, complete, Diff: null, ReceivedPath: null, Accepted: false,
                complete ? "matches the approved matrix" : $"{rows.Count} of {approvedScenarios.Count} approved rows compared; they match"),
            SnapshotOutcome.Accepted accepted => new SnapshotComparison(server, Matches: true, complete, accepted.Diff, ReceivedPath: null, Accepted: true, $"accepted into {file.VerifiedPath}"),
            SnapshotOutcome.Mismatched mismatch when !complete => new SnapshotComparison(server, Matches: false, complete, mismatch.Diff, ReceivedPath: null, Accepted: false,
                $"differs in the {rows.Count} rows this run covered; run every scenario of {server} to write a received file or accept"),
            SnapshotOutcome.Mismatched mismatch => new SnapshotComparison(server, Matches: false, complete, mismatch.Diff, mismatch.ReceivedPath, Accepted: false, $"differs from the approved matrix; {how}"),
            SnapshotOutcome.New created => new SnapshotComparison(server, Matches: false, complete, created.Diff, created.ReceivedPath, Accepted: false, $"no approved matrix yet; {how}"),
            _ => throw new UnreachableException($"Unknown snapshot outcome {outcome}."),
        };
    }

    private static IEnumerable<string> DataLines(string markdown) =>
        markdown.Split('\n').Skip(2).Where(line => line.StartsWith("| ", StringComparison.Ordinal));

    private static string ScenarioOf(string line) => line.Split('|', StringSplitOptions.TrimEntries)[1];
}
