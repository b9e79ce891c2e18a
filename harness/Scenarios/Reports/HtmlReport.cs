using System.Text;
using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Matrix;
using static Heimnetz.Harness.Scenarios.Reports.Html;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// The matrix as one self-contained HTML file — inline CSS, JS and SVG, no external URL — that opens from disk. It leads
/// with the grid (scenarios down, flavours across, one coloured cell each), then every cell's detail with the problems
/// first and their difference from the approved row beside them, the snapshot diffs, each scenario's topology and
/// candidates, and the failover timelines.
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
        .mode{fill:none;stroke:#0969da;stroke-width:2}.latency{fill:none;stroke:#bf8700;stroke-width:2}.http{fill:none;stroke:#8250df;stroke-width:2;stroke-dasharray:5 3}.grid{stroke:#d0d7de}.axis{font-size:11px;fill:#57606a}
        .transition.memory{fill:#d1242f}.transition.redis{fill:#2da44e}details{margin:6px 0}pre.log{max-height:240px;overflow:auto;background:#f6f8fa;padding:8px;font-size:11px}
        .muted{color:#6e7781}button{margin-right:6px}#matrix-table td:nth-child(-n+3),#matrix-table td:last-child{white-space:nowrap}
        """;

    private const string GridStyle = """
        #matrix-grid td.cell{padding:0;min-width:150px}#matrix-grid td.cell a{display:block;padding:6px 8px;color:inherit;text-decoration:none}
        #matrix-grid td.cell a:hover{outline:2px solid #0969da;outline-offset:-2px}#matrix-grid th[scope=row]{white-space:nowrap;background:#fff}
        .passed{background:#d6f5dd;color:#11602a}.differs,.unstable,.unapproved{background:#ffe2a8;color:#7a4100}.violated,.failed{background:#fbd5d5;color:#8a1010}
        .skipped{background:#e6e8eb;color:#57606a}td.cell[data-problem=true]{box-shadow:inset 0 0 0 2px currentColor;font-weight:600}
        .chosen{font-family:ui-monospace,monospace;font-size:12px}.agree{float:right;margin-left:8px;font-size:11px;opacity:.85}
        td.stability.bad{background:#fbd5d5;color:#8a1010;font-weight:600}.legend span{display:inline-block;padding:2px 8px;margin-right:6px;border-radius:4px;font-size:12px}
        .cell-detail{border:1px solid #d0d7de;border-radius:6px;margin:8px 0;padding:0 10px;background:#fff}.cell-detail>summary{padding:6px 0;cursor:pointer}
        .cell-detail .state{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;margin-right:6px}.cell-detail[data-problem=true]{border-left:6px solid #d1242f}
        table.diff td.approved{background:#ffebe9}table.diff td.actual{background:#e6ffec}.cell-detail:target{outline:3px solid #0969da}
        .detail-body{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start;margin-bottom:8px}.why{display:block;font-size:11px;font-weight:400;opacity:.9}
        #attention{display:inline-block;padding:4px 10px;border-radius:12px;font-weight:600}#attention.none{background:#d6f5dd;color:#11602a}#attention.some{background:#ffe2a8;color:#7a4100}
        """;

    private const string Script = """
        (function () {
          var cells = document.querySelectorAll('#matrix-grid td.cell');
          var problems = document.querySelectorAll('#matrix-grid td.cell[data-problem="true"]').length;
          document.getElementById('js-summary').textContent = cells.length + ' cells rendered, ' + problems + ' need attention.';
          function filter(onlyProblems) {
            document.querySelectorAll('#matrix-grid tbody tr, .cell-detail').forEach(function (element) {
              element.hidden = onlyProblems && element.getAttribute('data-problem') !== 'true';
            });
            document.body.setAttribute('data-filter', onlyProblems ? 'problems' : 'all');
          }
          function openTarget() {
            var id = decodeURIComponent(location.hash.slice(1));
            var target = id ? document.getElementById(id) : null;
            if (target && target.tagName === 'DETAILS') { target.hidden = false; target.open = true; }
          }
          document.getElementById('only-problems').addEventListener('click', function () { filter(true); });
          document.getElementById('show-all').addEventListener('click', function () { filter(false); });
          window.addEventListener('hashchange', openTarget);
          filter(/[?&]filter=problems/.test(location.search));
          openTarget();
          document.body.setAttribute('data-rendered', 'true');
        })();
        """;

    public static string Render(MatrixOutcome outcome, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var cells = outcome.Cells;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>Heimnetz resolution matrix</title><style>").Append(Style).Append(GridStyle).Append("</style></head>\n<body data-rendered=\"false\">\n");
        html.Append("<header><h1>Heimnetz resolution matrix</h1>");
        var engines = cells.Select(cell => cell.Engine).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        html.Append(Inv, $"<p class=\"muted\">{cells.Count} cells on {string.Join(", ", Servers(cells))} · engine{(engines.Count == 1 ? string.Empty : "s")} <span id=\"engines\">{E(string.Join(", ", engines))}</span> · generated {generatedAt:yyyy-MM-dd HH:mm:ss} UTC · ");
        html.Append(string.Join(", ", Enum.GetValues<CellState>().Select(state => (state, count: outcome.Verdicts.Count(v => v.State == state))).Where(pair => pair.count > 0).Select(pair => $"{pair.count} {Name(pair.state)}")));
        html.Append("</p>");
        html.Append(Inv, $"<p><span id=\"verdict\" class=\"verdict {(outcome.IsGreen ? "ok" : "bad")}\">{E(Verdict(outcome))}</span> ");
        html.Append(Inv, $"<span id=\"attention\" class=\"{(outcome.Problems.Count == 0 ? "none" : "some")}\" data-count=\"{outcome.Problems.Count}\">{outcome.Problems.Count} need attention</span> <span id=\"js-summary\" class=\"muted\"></span></p></header>\n");

        AppendGrid(html, outcome);
        AppendCells(html, outcome);
        AppendSnapshots(html, outcome.Snapshots);
        AppendScenarios(html, cells);
        AppendTimelines(html, cells);

        html.Append("<script>").Append(Script).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>The grid that leads the page: scenarios down, server flavours across, one coloured cell each, linking to its detail.</summary>
    private static void AppendGrid(StringBuilder html, MatrixOutcome outcome)
    {
        var servers = Servers(outcome.Cells);
        html.Append("<section id=\"matrix\"><h2>Matrix</h2><p class=\"legend\">");
        foreach (var state in Enum.GetValues<CellState>().Reverse())
        {
            html.Append(Inv, $"<span class=\"{Name(state)}\">{Name(state)}</span>");
        }

        html.Append("</p><p><button id=\"only-problems\" type=\"button\">only problems</button><button id=\"show-all\" type=\"button\">all cells</button> <span class=\"muted\">click a cell for its detail</span></p>");
        html.Append("<table id=\"matrix-grid\"><thead><tr><th>scenario</th>");
        foreach (var server in servers)
        {
            html.Append(Inv, $"<th>{E(server)}</th>");
        }

        html.Append("<th title=\"runs that gave the approved row, over all flavours\">stability</th></tr></thead><tbody>\n");
        foreach (var scenario in outcome.Verdicts.GroupBy(verdict => verdict.Cell.Scenario))
        {
            var problem = scenario.Any(verdict => verdict.NeedsAttention);
            html.Append(Inv, $"<tr data-scenario=\"{E(scenario.Key)}\" data-problem=\"{Flag(problem)}\"><th scope=\"row\"><a href=\"#s-{Id(scenario.Key)}\">{E(scenario.Key)}</a></th>");
            foreach (var server in servers)
            {
                if (scenario.FirstOrDefault(verdict => verdict.Cell.Server == server) is not { } verdict)
                {
                    html.Append("<td class=\"muted\">—</td>");
                    continue;
                }

                var cell = verdict.Cell;
                var state = Name(verdict.State);
                var text = verdict.State is CellState.Failed or CellState.Skipped ? state : cell.Row.Chosen;
                var agreement = cell.Agreement is { } a && (a.Runs > 1 || !a.IsUnanimous) ? $"<span class=\"agree\">{a}</span>" : string.Empty;
                html.Append(Inv, $"<td class=\"cell {state}\" data-cell=\"{E(cell.Scenario)}/{E(cell.Server)}\" data-state=\"{state}\" data-problem=\"{Flag(verdict.NeedsAttention)}\">");
                var why = verdict.Differences.Count > 0 ? $"<span class=\"why\">{E(string.Join(", ", verdict.Differences.Select(difference => difference.Column)))} differs</span>" : string.Empty;
                html.Append(Inv, $"<a href=\"#{CellId(cell)}\" title=\"{E($"{state}: {verdict.Reason}")}\">{Symbol(verdict.State)} <span class=\"chosen\">{E(Shorten(text, 26))}</span>{agreement}{why}</a></td>");
            }

            var measured = scenario.Select(verdict => verdict.Cell.Agreement).OfType<CellAgreement>().ToList();
            if (measured.Count == 0)
            {
                html.Append("<td class=\"stability muted\">—</td></tr>\n");
                continue;
            }

            var agreed = measured.Sum(a => a.Agreed);
            var runs = measured.Sum(a => a.Runs);
            html.Append(Inv, $"<td class=\"stability{(agreed == runs ? string.Empty : " bad")}\">{agreed}/{runs}</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    /// <summary>Every cell's detail — the problems first and open, with the columns that differ from the approved row beside them.</summary>
    private static void AppendCells(StringBuilder html, MatrixOutcome outcome)
    {
        html.Append(Inv, $"<section id=\"cells\"><h2>Cells</h2><p class=\"muted\">{outcome.Problems.Count} need attention; the others are folded.</p>");
        foreach (var verdict in outcome.Verdicts.OrderBy(verdict => verdict.NeedsAttention ? 0 : 1))
        {
            var cell = verdict.Cell;
            var state = Name(verdict.State);
            html.Append(Inv, $"<details class=\"cell-detail\" id=\"{CellId(cell)}\" data-cell=\"{E(cell.Scenario)}/{E(cell.Server)}\" data-problem=\"{Flag(verdict.NeedsAttention)}\"{(verdict.NeedsAttention ? " open" : string.Empty)}>");
            html.Append(Inv, $"<summary><span class=\"state {state}\">{state}</span><strong>{E(cell.Scenario)}</strong> on {E(cell.Server)} <span class=\"muted\" data-engine=\"{E(cell.Engine)}\">· engine {E(cell.Engine)}</span>");
            html.Append(Inv, $" <span class=\"muted\">· {N(cell.WallMs / 1000)} s{(cell.Agreement is { } agreement ? $" · {agreement} runs gave the approved row" : string.Empty)}</span>");
            if (verdict.NeedsAttention)
            {
                html.Append(Inv, $" — {E(verdict.Reason)}");
            }

            // The difference first and beside the row, so the reader sees what changed without scanning the columns.
            html.Append("</summary><div class=\"detail-body\">");
            if (verdict.Differences.Count > 0 || cell.Disagreements.Count > 0)
            {
                html.Append("<div>");
                if (verdict.Differences.Count > 0)
                {
                    AppendDifferences(html, verdict.Differences, "this run");
                }

                if (cell.Disagreements.Count > 0)
                {
                    html.Append(Inv, $"<p class=\"muted\">runs that did not give the approved row: {string.Join(", ", cell.Disagreements.Select(run => run.Run))}</p>");
                }

                foreach (var run in cell.Disagreements.Where(run => run.Row != cell.Row))
                {
                    html.Append(Inv, $"<p>Run {run.Run} ({Name(run.Status)}) gave another row:</p><pre class=\"log\">{E(ResolutionMatrix.ToMarkdown([run.Row]).Split('\n')[2])}</pre>");
                }

                html.Append("</div>");
            }

            html.Append("<table class=\"row\"><tbody>");
            var row = cell.Row;
            foreach (var (column, value) in new[] { ("app runs", row.AppRuns), ("container", row.Container), ("network", row.Network), ("chosen", row.Chosen), ("cache", row.Cache), ("candidates", row.Candidates), ("doctor", row.Doctor), ("remedy", row.Remedy), ("verdict", row.Verdict) })
            {
                html.Append(Inv, $"<tr><th>{column}</th><td>{E(value)}</td></tr>");
            }

            html.Append("</tbody></table></div>");
            foreach (var line in cell.Violations.Append(cell.Failure).Append(cell.SkipReason).OfType<string>())
            {
                html.Append(Inv, $"<p>{E(line)}</p>");
            }

            if (cell.Logs is { Length: > 0 } logs)
            {
                html.Append(Inv, $"<pre class=\"log\">{E(logs)}</pre>");
            }

            html.Append(Inv, $"<p><a href=\"#s-{Id(cell.Scenario)}\">topology and candidates of {E(cell.Scenario)}</a></p></details>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendDifferences(StringBuilder html, IReadOnlyList<ColumnDifference> differences, string actual)
    {
        html.Append(Inv, $"<table class=\"diff\"><thead><tr><th>column</th><th>approved</th><th>{E(actual)}</th></tr></thead><tbody>");
        foreach (var difference in differences)
        {
            html.Append(Inv, $"<tr><th>{E(difference.Column)}</th><td class=\"approved\">{E(difference.Approved)}</td><td class=\"actual\">{E(difference.Actual)}</td></tr>");
        }

        html.Append("</tbody></table>");
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

    private static string Verdict(MatrixOutcome outcome)
    {
        var problems = outcome.Problems;
        var differing = outcome.Snapshots.Where(snapshot => !snapshot.Matches).Select(snapshot => snapshot.Server).ToList();
        var matrices = differing.Count == 0 ? string.Empty : $"; {string.Join(", ", differing)} {(differing.Count == 1 ? "differs" : "differ")} from the approved matrix";
        if (problems.Count == 0)
        {
            var runs = outcome.Cells.Select(cell => cell.Agreement?.Runs ?? 1).DefaultIfEmpty(1).Max();
            return (differing.Count == 0 ? "every cell passed with its approved row" : "every cell passed") + (runs > 1 ? $" in all {runs} runs" : string.Empty) + matrices;
        }

        var named = string.Join(", ", problems.Take(4).Select(verdict => $"{verdict.Cell.Scenario} on {verdict.Cell.Server} {Name(verdict.State)}"));
        return $"{problems.Count} of {outcome.Verdicts.Count} cells need attention: {named}{(problems.Count > 4 ? ", …" : string.Empty)}{matrices}";
    }

    private static List<string> Servers(IReadOnlyList<CellResult> cells) => cells.Select(cell => cell.Server).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string CellId(CellResult cell) => $"c-{Id(cell.Scenario)}--{Id(cell.Server)}";

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Symbol(CellState state) => state switch
    {
        CellState.Passed => "✓",
        CellState.Skipped or CellState.NotApplicable => "–",
        _ => "✗",
    };

    private static bool SameCandidates(Heimnetz.Probing.ProbeReport report, CellResult first) =>
        first.Report is { } reference
        && report.Discovery.Chosen == reference.Discovery.Chosen
        && report.Discovery.Candidates.Select(c => (c.Endpoint, c.Outcome)).SequenceEqual(reference.Discovery.Candidates.Select(c => (c.Endpoint, c.Outcome)));
}
