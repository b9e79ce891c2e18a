using System.Diagnostics;
using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>
/// Runs cells across server flavours, the whole selection once per round: cells that share nothing in parallel, cells
/// that bind fixed host ports one at a time afterwards (they would collide across flavours too). Reports each start and
/// finish for the terminal.
/// </summary>
public sealed class CellRunner(int parallelism = 3)
{
    /// <summary>A cell started: (cell, elapsed since the run began).</summary>
    public event EventHandler<CellStartedEventArgs>? Started;

    /// <summary>A cell finished, with its result and how many remain.</summary>
    public event EventHandler<CellFinishedEventArgs>? Finished;

    /// <summary>Runs every cell <paramref name="rounds"/> times; returns, per cell in the given order, its runs in round order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<ScenarioResult>>> RunAsync(IReadOnlyList<MatrixCell> cells, int rounds = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var engine = new ScenarioEngine(parallelism);
        var clock = Stopwatch.StartNew();
        var results = new ScenarioResult?[rounds, cells.Count];
        var total = cells.Count * rounds;
        var done = 0;

        for (var round = 0; round < rounds; round++)
        {
            var current = round;

            async ValueTask RunOne(int index, CancellationToken token)
            {
                var cell = cells[index];
                Started?.Invoke(this, new CellStartedEventArgs(cell, clock.Elapsed));
                var result = await engine.RunOneAsync(cell.Scenario, cell.Server, keep: false, token).ConfigureAwait(false);
                results[current, index] = result;
                var finished = Interlocked.Increment(ref done);
                Finished?.Invoke(this, new CellFinishedEventArgs(result, finished, total, clock.Elapsed) { Round = current + 1, Rounds = rounds });
            }

            var shared = Enumerable.Range(0, cells.Count).Where(i => cells[i].Scenario.HostPorts.Count == 0);
            await Parallel.ForEachAsync(shared, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, RunOne).ConfigureAwait(false);
            foreach (var index in Enumerable.Range(0, cells.Count).Where(i => cells[i].Scenario.HostPorts.Count > 0))
            {
                await RunOne(index, cancellationToken).ConfigureAwait(false);
            }
        }

        return Enumerable.Range(0, cells.Count)
            .Select(index => (IReadOnlyList<ScenarioResult>)Enumerable.Range(0, rounds).Select(round => results[round, index]!).ToList())
            .ToList();
    }
}
