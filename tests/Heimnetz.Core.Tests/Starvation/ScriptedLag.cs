using Heimnetz.Starvation;

namespace Heimnetz.Tests.Starvation;

/// <summary>A starvation gauge the test sets: what cannot be made real in a unit test is how busy the machine is.</summary>
internal sealed class ScriptedLag : ILagGauge
{
    private readonly Func<TimeSpan> lost;

    public ScriptedLag(Func<TimeSpan> lost) => this.lost = lost;

    public TimeSpan Lost => lost();

    public TimeSpan WorstDelay => lost();

    /// <summary>A process that runs <paramref name="share"/> of the wall time on <paramref name="clock"/>, from now on.</summary>
    public static ScriptedLag Running(double share, TimeProvider clock)
    {
        var start = clock.GetTimestamp();
        return new ScriptedLag(() => clock.GetElapsedTime(start) * (1 - share));
    }
}
