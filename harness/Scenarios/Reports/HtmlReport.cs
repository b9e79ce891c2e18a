using System.Text;
using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Engine;
using static Heimnetz.Harness.Scenarios.Reports.Html;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// The matrix as one self-contained HTML file — inline CSS, JS and SVG, no external URL — that opens from disk: the
/// coloured matrix, the snapshot diffs, each scenario's topology and candidates, and the failover timelines.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fafbfc}
        h1{margin:0 0 4px}h2{margin-top:32px;border-bottom:1px solid #d0d7de}
        table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#eef1f4}tr.passed td.status{background:#d6f5dd;color:#11602a}tr.violated td.status,tr.failed td.status{background:#fbd5d5;color:#8a1010}
        tr.skipped td{color:#6e7781}tr.skipped td.status{background:#e6e8eb}tr.passed{background:#f3fbf5}tr.violated,tr.failed{background:#fff1f1}
        .verdict{display:inline-block;padding:4px 10px;border-radius:12px;font-weight:600}.verdict.ok{background:#d6f5dd;color:#11602a}.verdict.bad{background:#fbd5d5;color:#8a1010}
        pre.diff{background:#0d1117;color:#c9d1d9;padding:10px;overflow:auto;font-size:12px}pre.diff .add{color:#56d364}pre.diff .del{color:#f85149}pre.diff .hunk{color:#79c0ff}
        .lane{fill:#eef4ff;stroke:#9db7e0}.lane-label{font-size:12px;fill:#3c4a60}.node rect{stroke:#333;stroke-width:1}
        .node.app rect{fill:#cfe3ff}.node.redis rect{fill:#ffd9d2}.node.squatter rect{fill:#ffe9b3}.node-name{font-size:12px;font-weight:600}.node-sub{font-size:11px;fill:#4a5568}
        .candidate circle{fill:#b0b7c3}.candidate.ready circle{fill:#2da44e}.candidate.chosen .candidate-name{font-weight:700}.candidate.chosen circle{fill:#0969da;r:8}
        .candidate.refused circle,.candidate.dns-failure circle,.candidate.unreachable circle{fill:#b0b7c3}.candidate.timeout circle,.candidate.not-redis circle,.candidate.auth-failed circle,.candidate.auth-required circle{fill:#d1242f}
        .candidate-name{font-size:12px}svg{background:#fff;border:1px solid #d0d7de;margin:6px 0;max-width:100%;height:auto}
        .mode{fill:none;stroke:#0969da;stroke-width:2}.latency{fill:none;stroke:#bf8700;stroke-width:2}.grid{stroke:#d0d7de}.axis{font-size:11px;fill:#57606a}
        .transition.memory{fill:#d1242f}.transition.redis{fill:#2da44e}details{margin:6px 0}pre.log{max-height:240px;overflow:auto;background:#f6f8fa;padding:8px;font-size:11px}
        .muted{color:#6e7781}button{margin-right:6px}#matrix-table td:nth-child(-n+3),#matrix-table td:last-child{white-space:nowrap}
        """;

    private const string Script = """
        (function () {
          var rows = document.querySelectorAll('#matrix-table tbody tr');
          var bad = document.querySelectorAll('#matrix-table tbody tr.violated, #matrix-table tbody tr.failed').length;
          document.getElementById('js-summary').textContent = rows.length + ' cells rendered, ' + bad + ' need attention.';
          document.getElementById('only-problems').addEventListener('click', function () {
            rows.forEach(function (row) { row.hidden = !(row.classList.contains('violated') || row.classList.contains('failed')); });
          });
          document.getElementById('show-all').addEventListener('click', function () {
            rows.forEach(function (row) { row.hidden = false; });
          });
          document.body.setAttribute('data-rendered', 'true');
        })();
        """;

    public static string Render(IReadOnlyList<CellResult> cells, IReadOnlyList<SnapshotComparison> snapshots, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(snapshots);
        var green = cells.All(cell => cell.IsGreen) && snapshots.All(snapshot => snapshot.Matches);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>Heimnetz resolution matrix</title><style>").Append(Style).Append("</style></head>\n<body data-rendered=\"false\">\n");
        html.Append("<header><h1>Heimnetz resolution matrix</h1>");
        html.Append(Inv, $"<p class=\"muted\">{cells.Count} cells on {string.Join(", ", cells.Select(c => c.Server).Distinct())} · generated {generatedAt:yyyy-MM-dd HH:mm:ss} UTC · ");
        html.Append(string.Join(", ", Enum.GetValues<ScenarioStatus>().Select(status => $"{cells.Count(c => c.Status == status)} {status.ToString().ToLowerInvariant()}")));
        html.Append("</p>");
        html.Append(Inv, $"<p><span id=\"verdict\" class=\"verdict {(green ? "ok" : "bad")}\">{Verdict(cells, snapshots)}</span> <span id=\"js-summary\" class=\"muted\"></span></p></header>\n");

        AppendMatrix(html, cells);
        AppendSnapshots(html, snapshots);
        AppendScenarios(html, cells);
        AppendTimelines(html, cells);

        html.Append("<script>").Append(Script).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static void AppendMatrix(StringBuilder html, IReadOnlyList<CellResult> cells)
    {
        html.Append("<section id=\"matrix\"><h2>Matrix</h2><p><button id=\"only-problems\" type=\"button\">only problems</button><button id=\"show-all\" type=\"button\">all cells</button></p>");
        html.Append("<table id=\"matrix-table\"><thead><tr><th>scenario</th><th>server</th><th>status</th><th>app runs</th><th>container</th><th>network</th><th>chosen</th><th>cache</th><th>candidates</th><th>doctor</th><th>verdict</th><th>wall</th></tr></thead><tbody>\n");
        foreach (var cell in cells)
        {
            var status = cell.Status.ToString().ToLowerInvariant();
            var row = cell.Row;
            html.Append(Inv, $"<tr class=\"{status}\" data-cell=\"{E(cell.Scenario)}/{E(cell.Server)}\" data-status=\"{status}\">");
            html.Append(Inv, $"<td><a href=\"#s-{Id(cell.Scenario)}\">{E(cell.Scenario)}</a></td><td>{E(cell.Server)}</td><td class=\"status\">{status}</td><td>{E(row.AppRuns)}</td><td>{E(row.Container)}</td><td>{E(row.Network)}</td>");
            html.Append(Inv, $"<td>{E(row.Chosen)}</td><td>{E(row.Cache)}</td><td>{E(row.Candidates)}</td><td>{E(row.Doctor)}</td><td>{E(row.Verdict)}</td><td>{N(cell.WallMs / 1000)} s</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void AppendSnapshots(StringBuilder html, IReadOnlyList<SnapshotComparison> snapshots)
    {
        html.Append("<section id=\"snapshots\"><h2>Approved matrices</h2>");
        foreach (var snapshot in snapshots)
        {
            html.Append(Inv, $"<div class=\"snapshot\" data-server=\"{E(snapshot.Server)}\"><p><span class=\"verdict {(snapshot.Matches ? "ok" : "bad")}\">{E(snapshot.Server)}</span> {E(snapshot.Note)}</p>");
            if (snapshot.Diff is { } diff)
            {
                html.Append("<pre class=\"diff\">");
                foreach (var line in diff.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
                {
                    var kind = line.StartsWith("@@", StringComparison.Ordinal) ? "hunk"
                        : line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? "hunk"
                        : line.StartsWith('+') ? "add" : line.StartsWith('-') ? "del" : "ctx";
                    html.Append(Inv, $"<span class=\"{kind}\">{E(line)}</span>\n");
                }

                html.Append("</pre>");
            }

            html.Append("</div>");
        }

        html.Append("</section>\n");
    }

    private static void AppendScenarios(StringBuilder html, IReadOnlyList<CellResult> cells)
    {
        html.Append("<section id=\"scenarios\"><h2>Scenarios</h2>");
        foreach (var group in cells.GroupBy(cell => cell.Scenario))
        {
            var first = group.FirstOrDefault(cell => cell.Report is not null) ?? group.First();
            html.Append(Inv, $"<article id=\"s-{Id(group.Key)}\"><h3>{E(group.Key)}</h3><p>{E(first.Situation)}</p>");
            html.Append(TopologySvg.Render(first));
            foreach (var cell in group.Where(cell => !ReferenceEquals(cell, first) && cell.Report is { } report && !SameCandidates(report, first)))
            {
                html.Append(Inv, $"<p class=\"muted\">On {E(cell.Server)} the candidates differed:</p>").Append(TopologySvg.Render(cell));
            }

            foreach (var cell in group.Where(cell => !cell.IsGreen || cell.SkipReason is not null))
            {
                html.Append(Inv, $"<details open><summary>{E(cell.Server)}: {cell.Status.ToString().ToLowerInvariant()}</summary>");
                foreach (var line in cell.Violations.Append(cell.Failure).Append(cell.SkipReason).OfType<string>())
                {
                    html.Append(Inv, $"<p>{E(line)}</p>");
                }

                if (cell.Logs is { Length: > 0 } logs)
                {
                    html.Append(Inv, $"<pre class=\"log\">{E(logs)}</pre>");
                }

                html.Append("</details>");
            }

            html.Append("</article>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendTimelines(StringBuilder html, IReadOnlyList<CellResult> cells)
    {
        html.Append("<section id=\"timelines\"><h2>Failover timelines</h2>");
        var failovers = cells.Where(TimelineSvg.HasTimeline).ToList();
        if (failovers.Count == 0)
        {
            html.Append("<p id=\"no-failover\" class=\"muted\">no failover scenarios in this run</p>");
        }

        foreach (var cell in failovers)
        {
            var figures = string.Join(" · ", cell.Timings.Where(pair => !pair.Key.Contains('@', StringComparison.Ordinal)).Select(pair => $"{pair.Key} {N(pair.Value)}"));
            html.Append(Inv, $"<div class=\"failover\" data-cell=\"{E(cell.Scenario)}/{E(cell.Server)}\"><h3>{E(cell.Scenario)} on {E(cell.Server)}</h3><p class=\"muted\">{E(figures)}</p>");
            html.Append(TimelineSvg.Render(cell)).Append("</div>");
        }

        html.Append("</section>\n");
    }

    private static string Verdict(IReadOnlyList<CellResult> cells, IReadOnlyList<SnapshotComparison> snapshots)
    {
        var red = cells.Count(cell => !cell.IsGreen);
        var differing = snapshots.Where(snapshot => !snapshot.Matches).Select(snapshot => snapshot.Server).ToList();
        return (red, differing.Count) switch
        {
            (0, 0) => "every cell passed and matches its approved matrix",
            (0, _) => $"every cell passed; {string.Join(", ", differing)} differs from its approved matrix",
            (_, 0) => $"{red} cells violated or failed",
            _ => $"{red} cells violated or failed; {string.Join(", ", differing)} differs from its approved matrix",
        };
    }

    private static bool SameCandidates(Heimnetz.Probing.ProbeReport report, CellResult first) =>
        first.Report is { } reference
        && report.Discovery.Chosen == reference.Discovery.Chosen
        && report.Discovery.Candidates.Select(c => (c.Endpoint, c.Outcome)).SequenceEqual(reference.Discovery.Candidates.Select(c => (c.Endpoint, c.Outcome)));
}
