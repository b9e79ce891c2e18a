using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Engine;
using Spectre.Console;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>What a person watching the terminal sees: a line per cell started and finished with the ETA, then a summary table and the diffs.</summary>
public sealed class TerminalView(IAnsiConsole console)
{
    private readonly Lock gate = new();

    public void Attach(CellRunner runner, int total)
    {
        ArgumentNullException.ThrowIfNull(runner);
        console.MarkupLine($"[bold]Running {total} cells[/] (parallel where no fixed host port is bound)");
        runner.Started += (_, started) => Write($"[grey]{Clock(started.Elapsed)}[/]  start  {Markup.Escape(started.Cell.ToString())}");
        runner.Finished += (_, finished) =>
        {
            var result = finished.Result;
            Write($"[grey]{Clock(finished.Elapsed)}[/]  {Badge(result.Status)}  {Markup.Escape($"{result.Scenario.Name} on {result.Server}")} " +
                $"[grey]({result.WallTime.TotalSeconds:0.0} s; {finished.Done}/{finished.Total} done, {finished.Total - finished.Done} left, ETA {Clock(finished.EstimatedRemaining)})[/]");
        };
    }

    public void Summary(MatrixOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var table = new Table().Border(TableBorder.Rounded).Title("resolution matrix");
        var servers = outcome.Cells.Select(cell => cell.Server).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        table.AddColumn("scenario");
        foreach (var server in servers)
        {
            table.AddColumn(server);
        }

        foreach (var group in outcome.Cells.GroupBy(cell => cell.Scenario))
        {
            table.AddRow(new[] { Markup.Escape(group.Key) }.Concat(servers.Select(server =>
                group.FirstOrDefault(cell => cell.Server == server) is { } cell
                    ? $"{Badge(cell.Status)} {Markup.Escape(cell.Row.Chosen)} [grey]{cell.WallMs / 1000:0.0}s[/]"
                    : "[grey]—[/]")).ToArray());
        }

        console.Write(table);
        foreach (var snapshot in outcome.Snapshots)
        {
            console.MarkupLine($"{(snapshot.Matches ? "[green]✓[/]" : "[red]✗[/]")} {Markup.Escape(snapshot.Server)}: {Markup.Escape(snapshot.Note)}");
            if (snapshot.Diff is { } diff && !snapshot.Accepted)
            {
                foreach (var line in diff.TrimEnd('\n').Split('\n'))
                {
                    var colour = line.StartsWith("@@", StringComparison.Ordinal) ? "blue" : line.StartsWith('+') ? "green" : line.StartsWith('-') ? "red" : "grey";
                    console.MarkupLine($"[{colour}]{Markup.Escape(line)}[/]");
                }
            }
        }

        foreach (var cell in outcome.Cells.Where(cell => !cell.IsGreen))
        {
            console.MarkupLine($"[red]{Markup.Escape($"{cell.Scenario} on {cell.Server}: {cell.Status.ToString().ToLowerInvariant()} {string.Join("; ", cell.Violations)}{cell.Failure}")}[/]");
        }

        console.MarkupLine(outcome.IsGreen ? "[green bold]matrix green[/]" : "[red bold]matrix red[/]");
    }

    private void Write(string markup)
    {
        lock (gate)
        {
            console.MarkupLine(markup);
        }
    }

    private static string Badge(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Passed => "[green]passed[/]",
        ScenarioStatus.Skipped => "[grey]skipped[/]",
        _ => $"[red]{status.ToString().ToLowerInvariant()}[/]",
    };

    private static string Clock(TimeSpan elapsed) => $"{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}";
}
