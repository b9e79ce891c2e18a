using System.Diagnostics;
using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>
/// Runs cells across server flavours: cells that share nothing in parallel, cells that bind fixed host ports one at a
/// time afterwards (they would collide across flavours too). Reports each start and finish for the terminal.
/// </summary>
public sealed class CellRunner(int parallelism = 3)
{
    /// <summary>A cell started: (cell, elapsed since the run began).</summary>
    public event EventHandler<CellStartedEventArgs>? Started;

    /// <summary>A cell finished, with its result and how many remain.</summary>
    public event EventHandler<CellFinishedEventArgs>? Finished;

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(IReadOnlyList<MatrixCell> cells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var engine = new ScenarioEngine(parallelism);
        var clock = Stopwatch.StartNew();
        var results = new ScenarioResult?[cells.Count];
        var done = 0;

        async ValueTask RunOne(int index, CancellationToken token)
        {
            var cell = cells[index];
            Started?.Invoke(this, new CellStartedEventArgs(cell, clock.Elapsed));
            var result = await engine.RunOneAsync(cell.Scenario, cell.Server, keep: false, token).ConfigureAwait(false);
            results[index] = result;
            var finished = Interlocked.Increment(ref done);
            Finished?.Invoke(this, new CellFinishedEventArgs(result, finished, cells.Count, clock.Elapsed));
        }

        var shared = Enumerable.Range(0, cells.Count).Where(i => cells[i].Scenario.HostPorts.Count == 0);
        await Parallel.ForEachAsync(shared, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, RunOne).ConfigureAwait(false);
        foreach (var index in Enumerable.Range(0, cells.Count).Where(i => cells[i].Scenario.HostPorts.Count > 0))
        {
            await RunOne(index, cancellationToken).ConfigureAwait(false);
        }

        return results.Select(result => result!).ToList();
    }
}
