using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>A cell finished: its result, how many cells are done of how many, and the time since the run began.</summary>
public sealed class CellFinishedEventArgs(ScenarioResult result, int done, int total, TimeSpan elapsed) : EventArgs
{
    public ScenarioResult Result { get; } = result;

    public int Done { get; } = done;

    public int Total { get; } = total;

    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>Which round of a repeated run this was (1-based).</summary>
    public int Round { get; init; } = 1;

    /// <summary>How many rounds the run has (<c>--repeat</c>).</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>A naive estimate of the time left: the mean so far times the cells remaining (parallelism included in the mean).</summary>
    public TimeSpan EstimatedRemaining => Done == 0 ? TimeSpan.Zero : Elapsed / Done * (Total - Done);
}
