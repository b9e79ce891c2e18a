using System.CommandLine;
using Heimnetz.Harness.Fixtures;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Snapshots;
using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Reports;
using Spectre.Console;

namespace Heimnetz.Harness.Scenarios.Cli;

/// <summary>
/// The commands behind the Cake Matrix target: <c>cells</c> runs a selection (or a shard) of cells into cell files,
/// <c>report</c> merges whatever cell files are present into the matrix outputs and compares them with the approved ones.
/// </summary>
internal static class MatrixCommands
{
    private static string DefaultCells => Path.Combine(RepositoryRoot.Path, "artifacts", "matrix", "cells");

    public static Command Cells()
    {
        var servers = new Option<string>("--server") { Description = "Comma-separated server flavours (default: all of redis-7.0, redis-8.0, valkey-8.1)." };
        var scenarios = new Option<string>("--scenario") { Description = "Comma-separated scenario names (default: all; see 'list')." };
        var shard = new Option<string>("--shard") { Description = "Run only shard i of n (e.g. 1/3) of the sorted cells, round-robin." };
        var repeat = new Option<string>("--repeat") { Description = "Run the whole selection N times and count, per cell, the runs that gave the approved row (default 1)." };
        var output = new Option<string>("--out") { Description = "Where to write cells/<server>/<scenario>.json; testcontainers.log goes beside it.", DefaultValueFactory = _ => DefaultCells };
        var approvedDirectory = new Option<string>("--approved") { Description = "The folder of approved matrices (default: harness/Scenarios/Approved)." };
        var appCpus = new Option<string>("--app-cpus") { Description = "Limit every app container to this many cores (e.g. 0.25, like a Kubernetes CPU limit): the matrix must not change." };
        var engine = new Option<string>("--engine") { Description = "The kind of engine DOCKER_HOST names: docker (default) or podman; each kind has approved matrices of its own." };
        var engineLabel = new Option<string>("--engine-label") { Description = "A name for this engine in the report, when one matrix is spread over several engines (default: the kind)." };
        var command = new Command("cells", "Run the selected (scenario × server) cells and write one result file per cell.") { servers, scenarios, shard, repeat, output, approvedDirectory, appCpus, engine, engineLabel };
        command.SetAction(async (parse, token) =>
        {
            var selection = CellSelection.Parse(parse.GetValue(servers), parse.GetValue(scenarios), parse.GetValue(shard), Catalog.All);
            EngineTarget.Use(EngineTarget.Parse(parse.GetValue(engine), parse.GetValue(engineLabel)));
            var rounds = RepeatCount.Parse(parse.GetValue(repeat));
            if (AppCpuLimit.Parse(parse.GetValue(appCpus), "--app-cpus") is { } cores)
            {
                Environment.SetEnvironmentVariable(AppCpuLimit.Variable, cores.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var cells = selection.Cells();
            var interactive = TerminalView.IsInteractiveTerminal;
            var console = TerminalView.CreateConsole(interactive);
            if (AppCpuLimit.Current is { } limit)
            {
                console.MarkupLine(Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"every app container is limited to {limit} cores ({AppCpuLimit.Variable})")));
            }

            if (cells.Count == 0)
            {
                console.MarkupLine($"[yellow]shard {selection.Shard} of {selection.AllCells().Count} cells is empty; nothing to run[/]");
                return 0;
            }

            var approved = await ApprovedRows.LoadAsync(selection.Servers.Select(server => EngineTarget.Current.Flavour(server.Name)), parse.GetValue(approvedDirectory), token).ConfigureAwait(false);
            var directory = parse.GetValue(output)!;
            // One log per engine: processes for several engines run side by side.
            var logName = EngineTarget.Current.Label == EngineTarget.Docker ? "testcontainers.log" : $"testcontainers-{EngineTarget.Current.Label}.log";
            var logPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(directory)) ?? directory, logName);
            IReadOnlyList<IReadOnlyList<ScenarioResult>> runs;
            await using (EngineSession.Open(logPath).ConfigureAwait(false))
            {
                var runner = new CellRunner();
                var view = new TerminalView(console, interactive);
                runs = await view.ShowAsync(runner, cells.Count * rounds, approved, () => runner.RunAsync(cells, rounds, token)).ConfigureAwait(false);
            }

            var written = runs.Select(cellRuns => CellResult.From(cellRuns, approved) with { Engine = EngineTarget.Current.Label }).ToList();
            foreach (var cell in written)
            {
                await CellStore.WriteAsync(directory, cell, token).ConfigureAwait(false);
            }

            var verdicts = written.Select(cell => CellVerdict.Of(cell, approved)).ToList();
            new TerminalView(console, interactive).Stability(verdicts, approved);
            console.MarkupLine($"wrote {written.Count} cell files under {Markup.Escape(directory)} (engine {Markup.Escape(EngineTarget.Current.Label)}); Testcontainers' log: {Markup.Escape(logPath)}");
            foreach (var verdict in verdicts.Where(verdict => verdict.NeedsAttention))
            {
                console.MarkupLine($"[red]needs attention: {Markup.Escape($"{verdict.Cell.Scenario} on {verdict.Cell.Server} ({TerminalView.Name(verdict.State)}{(verdict.Cell.Agreement is { } agreement ? $", {agreement}" : string.Empty)}): {verdict.Reason}")}[/]");
            }

            return verdicts.Any(verdict => verdict.NeedsAttention) ? 1 : 0;
        });
        return command;
    }

    public static Command Report()
    {
        var input = new Option<string>("--cells") { Description = "The folder of cell files to merge (any depth).", DefaultValueFactory = _ => DefaultCells };
        var output = new Option<string>("--out") { Description = "Where to write matrix.md, matrix.json, timings.json and report.html.", DefaultValueFactory = _ => Path.Combine(RepositoryRoot.Path, "artifacts", "matrix") };
        var approved = new Option<string>("--approved") { Description = "The folder of approved matrices (default: harness/Scenarios/Approved)." };
        var command = new Command("report", "Merge cell files into the matrix, compare each flavour with its approved matrix, and write the report.") { input, output, approved };
        command.SetAction(async (parse, token) =>
        {
            var cells = await CellStore.ReadAllAsync(parse.GetValue(input)!, token).ConfigureAwait(false);
            var interactive = TerminalView.IsInteractiveTerminal;
            var console = TerminalView.CreateConsole(interactive);
            if (cells.Count == 0)
            {
                console.MarkupLine($"[red]no cell files under {Markup.Escape(parse.GetValue(input)!)}; run 'cells' first[/]");
                return 1;
            }

            var directory = parse.GetValue(output)!;
            var outcome = await new MatrixReport(SnapshotSettings.FromEnvironment(), parse.GetValue(approved))
                .WriteAsync(cells, directory, TimeProvider.System.GetUtcNow(), token).ConfigureAwait(false);
            new TerminalView(console, interactive).Summary(outcome);
            console.MarkupLine($"report: {Markup.Escape(Path.Combine(directory, "report.html"))}");
            return outcome.IsGreen ? 0 : 1;
        });
        return command;
    }
}
