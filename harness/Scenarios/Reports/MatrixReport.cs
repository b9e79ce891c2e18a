using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Heimnetz.Harness.Fixtures.Snapshots;
using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Matrix;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// Merges cell results into the matrix outputs — <c>matrix.md</c>, <c>matrix.json</c>, <c>timings.json</c>,
/// <c>report.html</c> — after comparing each flavour's rows with its approved matrix.
/// </summary>
public sealed class MatrixReport(SnapshotSettings settings, string? approvedDirectory = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<MatrixOutcome> WriteAsync(IReadOnlyList<CellResult> cells, string outputDirectory, DateTimeOffset generatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var snapshot = new MatrixSnapshot(settings, approvedDirectory);
        var comparisons = new List<SnapshotComparison>();
        foreach (var server in cells.Select(cell => cell.Server).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var rows = cells.Where(cell => cell.Server == server).Select(cell => cell.Row).OrderBy(row => row.Scenario, StringComparer.Ordinal).ToList();
            comparisons.Add(await snapshot.CompareAsync(server, rows, cancellationToken).ConfigureAwait(false));
        }

        // Read after comparing: an accepted change is the approved row from now on.
        var approved = await ApprovedRows.LoadAsync(comparisons.Select(comparison => comparison.Server), approvedDirectory, cancellationToken).ConfigureAwait(false);
        var outcome = MatrixOutcome.Judge(cells, comparisons, approved);

        Directory.CreateDirectory(outputDirectory);
        var allRows = cells.Select(cell => cell.Row).ToList();
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "matrix.md"), Markdown(allRows, comparisons), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "matrix.json"), RowsWithAgreement(outcome), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "timings.json"), Timings(cells), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "report.html"), HtmlReport.Render(outcome, generatedAt), cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The matrix rows for tools, each with how many runs agreed with the approved row and the cell's state.</summary>
    private static string RowsWithAgreement(MatrixOutcome outcome)
    {
        var rows = new JsonArray();
        foreach (var verdict in outcome.Verdicts)
        {
            var row = JsonSerializer.SerializeToNode(verdict.Cell.Row, Json)!.AsObject();
            row["agreement"] = verdict.Cell.Agreement?.ToString();
            row["engine"] = verdict.Cell.Engine;
            row["state"] = verdict.State.ToString().ToLowerInvariant();
            rows.Add(row);
        }

        return rows.ToJsonString(Json);
    }

    private static string Markdown(IReadOnlyList<MatrixRow> rows, IReadOnlyList<SnapshotComparison> comparisons)
    {
        var text = new StringBuilder();
        text.AppendLine("# Resolution matrix").AppendLine();
        text.Append(ResolutionMatrix.ToMarkdown(rows)).AppendLine();
        text.AppendLine("## Approved matrices").AppendLine();
        foreach (var comparison in comparisons)
        {
            text.AppendLine($"- **{comparison.Server}**: {comparison.Note}");
        }

        foreach (var comparison in comparisons.Where(c => c.Diff is not null))
        {
            text.AppendLine().AppendLine($"### {comparison.Server}").AppendLine().AppendLine("```diff").Append(comparison.Diff).AppendLine("```");
        }

        return text.ToString();
    }

    private static string Timings(IReadOnlyList<CellResult> cells) =>
        JsonSerializer.Serialize(
            cells.Select(cell => new
            {
                scenario = cell.Scenario,
                server = cell.Server,
                engine = cell.Engine,
                status = cell.Status.ToString(),
                wallMs = cell.WallMs,
                agreement = cell.Agreement?.ToString(),
                runWallMs = cell.RunWallMs,
                discoveryMs = cell.Report?.Discovery.ElapsedMs,
                candidates = cell.Report?.Discovery.Candidates.ToDictionary(c => c.Endpoint, c => c.LatencyMs),
                measured = cell.Timings,
            }),
            Json);
}
