using Heimnetz.Harness.Scenarios.Cells;
using Spectre.Console;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// What a person watching the terminal sees: one line per finished cell (its state and, when it is a problem, why),
/// under a live progress line (done/total, problems, ETA) when the terminal is interactive; plain lines with the counts
/// when it is not (CI, redirected output). Then a summary table and the diffs.
/// </summary>
public sealed class TerminalView(IAnsiConsole console, bool interactive)
{
    private readonly Lock gate = new();
    private int problems;

    /// <summary>Live redrawing only on a terminal a person watches: not under CI=true, not when stdout is a file or a pipe.</summary>
    public static bool IsInteractiveTerminal =>
        !Console.IsOutputRedirected && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A console for <paramref name="interactive"/>: colours and cursor movement, or plain text without escape codes.</summary>
    public static IAnsiConsole CreateConsole(bool interactive, TextWriter? output = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output ?? Console.Out),
        });
        if (!interactive)
        {
            // A log file or a CI page has no width: one cell stays one line, whole for grep.
            console.Profile.Width = PlainWidth;
        }

        return console;
    }

    /// <summary>The line width when nobody's terminal sets one.</summary>
    private const int PlainWidth = 400;

    /// <summary>Runs <paramref name="work"/> while showing each finished cell of <paramref name="runner"/> (judged against <paramref name="approved"/>).</summary>
    public async Task<T> ShowAsync<T>(CellRunner runner, int total, ApprovedRows approved, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(work);
        console.MarkupLine($"[bold]Running {total} cells[/] (parallel where no fixed host port is bound)");
        if (!interactive)
        {
            runner.Finished += (_, finished) => Write(Line(finished, approved, withCounts: true));
            return await work().ConfigureAwait(false);
        }

        return await console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Progress(0, total, 0, TimeSpan.Zero), maxValue: total);
                runner.Finished += (_, finished) =>
                {
                    Write(Line(finished, approved, withCounts: false));
                    task.Value = finished.Done;
                    task.Description = Progress(finished.Done, finished.Total, Volatile.Read(ref problems), finished.EstimatedRemaining);
                };
                return await work().ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>The line for one finished cell: state, cell, wall time, and the reason when it needs attention.</summary>
    public string Line(CellFinishedEventArgs finished, ApprovedRows approved, bool withCounts)
    {
        ArgumentNullException.ThrowIfNull(finished);
        var result = finished.Result;
        var verdict = CellVerdict.Of(CellResult.From([result], approved), approved);
        var failing = verdict.NeedsAttention ? Interlocked.Increment(ref problems) : Volatile.Read(ref problems);
        var round = finished.Rounds > 1 ? $" run {finished.Round}/{finished.Rounds}" : string.Empty;
        var line = $"{Badge(verdict.State)}  {Markup.Escape($"{result.Scenario.Name} on {result.Server}")} [grey]{result.WallTime.TotalSeconds:0.0} s{round}[/]";
        if (verdict.NeedsAttention)
        {
            line += $"  {Markup.Escape(Shorten(verdict.Reason, 160))}";
        }

        return withCounts
            ? line + $" [grey]({finished.Done}/{finished.Total} done, {failing} need attention, ETA {Clock(finished.EstimatedRemaining)})[/]"
            : line;
    }

    /// <summary>After a run: how many runs of each cell gave its approved row, and each unstable cell by name with what its other runs gave.</summary>
    public void Stability(IReadOnlyList<CellVerdict> verdicts, ApprovedRows approved)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentNullException.ThrowIfNull(approved);
        var measured = verdicts.Where(verdict => verdict.Cell.Agreement is not null).ToList();
        var shaky = measured.Where(verdict => verdict.Cell.Agreement is { IsUnanimous: false }).ToList();
        if (measured.Count > 0 && shaky.Count == 0)
        {
            console.MarkupLine($"[green]stability: every cell gave its approved row in {measured[0].Cell.Agreement} runs[/]");
        }

        foreach (var verdict in shaky)
        {
            console.MarkupLine($"[red]stability {verdict.Cell.Agreement}: {Markup.Escape($"{verdict.Cell.Scenario} on {verdict.Cell.Server}")}[/]");
            foreach (var run in verdict.Cell.Disagreements)
            {
                var differences = approved.Compare(run.Row) ?? [];
                console.MarkupLine($"  [grey]run {run.Run}:[/] {Markup.Escape($"{run.Status.ToString().ToLowerInvariant()}; {string.Join("; ", differences)}")}");
            }
        }
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

        foreach (var group in outcome.Verdicts.GroupBy(verdict => verdict.Cell.Scenario))
        {
            table.AddRow(new[] { Markup.Escape(group.Key) }.Concat(servers.Select(server =>
                group.FirstOrDefault(verdict => verdict.Cell.Server == server) is { } verdict
                    ? $"{Badge(verdict.State)} {Markup.Escape(verdict.Cell.Row.Chosen)} [grey]{verdict.Cell.WallMs / 1000:0.0}s{(verdict.Cell.Agreement is { Runs: > 1 } agreement ? $" {agreement}" : string.Empty)}[/]"
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

        foreach (var verdict in outcome.Problems)
        {
            console.MarkupLine($"[red]{Markup.Escape($"{verdict.Cell.Scenario} on {verdict.Cell.Server}: {Name(verdict.State)}: {verdict.Reason}")}[/]");
        }

        console.MarkupLine(outcome.IsGreen
            ? "[green bold]matrix green[/]"
            : $"[red bold]matrix red: {outcome.Problems.Count} of {outcome.Verdicts.Count} cells need attention[/]");
    }

    private void Write(string markup)
    {
        lock (gate)
        {
            console.MarkupLine(markup);
        }
    }

    private static string Progress(int done, int total, int failing, TimeSpan remaining) =>
        $"cells {done}/{total} · {(failing == 0 ? "[green]0 need attention[/]" : $"[red]{failing} need attention[/]")}" + (done == 0 ? string.Empty : $" · ETA {Clock(remaining)}");

    internal static string Name(CellState state) => state.ToString().ToLowerInvariant();

    private static string Badge(CellState state) => state switch
    {
        CellState.Passed => "[green]✓ passed    [/]",
        CellState.Skipped => "[grey]- skipped   [/]",
        CellState.NotApplicable => "[grey]- n/a       [/]",
        CellState.Differs or CellState.Unapproved or CellState.Unstable => $"[darkorange]✗ {Name(state),-10}[/]",
        _ => $"[red]✗ {Name(state),-10}[/]",
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Clock(TimeSpan elapsed) => $"{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}";
}
