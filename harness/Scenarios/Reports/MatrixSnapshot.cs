using Heimnetz.Harness.Fixtures.Snapshots;
using Heimnetz.Harness.Scenarios.Matrix;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// Compares one flavour's rows with its approved matrix, as the snapshot verifier does (received file on mismatch,
/// accept only when asked and never on CI), but returns the diff instead of throwing, for the terminal and the report.
/// </summary>
public sealed class MatrixSnapshot(SnapshotSettings settings, string? approvedDirectory = null)
{
    public async Task<SnapshotComparison> CompareAsync(string server, IReadOnlyList<MatrixRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var file = ApprovedMatrix.For(server, approvedDirectory);
        var received = Normalize(ResolutionMatrix.ToMarkdown(rows));
        var verified = File.Exists(file.VerifiedPath) ? Normalize(await File.ReadAllTextAsync(file.VerifiedPath, cancellationToken).ConfigureAwait(false)) : null;
        var present = rows.Select(row => row.Scenario).ToHashSet(StringComparer.Ordinal);
        var approvedScenarios = verified is null ? [] : DataLines(verified).Select(ScenarioOf).ToList();
        var complete = approvedScenarios.All(present.Contains);

        // A partial run compares its rows with the same rows of the approved matrix.
        var expected = verified is null || complete
            ? verified
            : string.Concat(verified.Split('\n').Take(2).Select(line => line + "\n")) + string.Concat(DataLines(verified).Where(line => present.Contains(ScenarioOf(line))).Select(line => line + "\n"));

        if (expected == received)
        {
            File.Delete(file.ReceivedPath);
            return new SnapshotComparison(server, Matches: true, complete, Diff: null, ReceivedPath: null, Accepted: false,
                complete ? "matches the approved matrix" : $"{rows.Count} of {approvedScenarios.Count} approved rows compared; they match");
        }

        var diff = expected is null
            ? UnifiedDiff.Render(string.Empty, received, "(no approved matrix)", Path.GetFileName(file.ReceivedPath))
            : UnifiedDiff.Render(expected, received, Path.GetFileName(file.VerifiedPath), Path.GetFileName(file.ReceivedPath));
        if (!complete)
        {
            return new SnapshotComparison(server, Matches: false, complete, diff, ReceivedPath: null, Accepted: false,
                $"differs in the {rows.Count} rows this run covered; run every scenario of {server} to write a received file or accept");
        }

        if (settings.AcceptChanges && !settings.IsContinuousIntegration)
        {
            System.IO.Directory.CreateDirectory(file.Directory);
            await File.WriteAllTextAsync(file.VerifiedPath, received, cancellationToken).ConfigureAwait(false);
            File.Delete(file.ReceivedPath);
            return new SnapshotComparison(server, Matches: true, complete, diff, ReceivedPath: null, Accepted: true, $"accepted into {file.VerifiedPath}");
        }

        await File.WriteAllTextAsync(file.ReceivedPath, received, cancellationToken).ConfigureAwait(false);
        var how = settings.IsContinuousIntegration
            ? "CI never accepts snapshots: run the matrix locally, review the received file, and commit the verified one"
            : $"review {file.ReceivedPath}; to accept, rename it to the verified name or run with {SnapshotSettings.AcceptVariable}=true";
        return new SnapshotComparison(server, Matches: false, complete, diff, file.ReceivedPath, Accepted: false,
            verified is null ? $"no approved matrix yet; {how}" : $"differs from the approved matrix; {how}");
    }

    private static IEnumerable<string> DataLines(string markdown) =>
        markdown.Split('\n').Skip(2).Where(line => line.StartsWith("| ", StringComparison.Ordinal));

    private static string ScenarioOf(string line) => line.Split('|', StringSplitOptions.TrimEntries)[1];

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
