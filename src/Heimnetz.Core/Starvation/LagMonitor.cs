namespace Heimnetz.Starvation;

/// <summary>
/// Measures starvation the way a timeout suffers it: a timer due every <see cref="Interval"/> that fires late, fires
/// late because the process could not run. Each tick adds its lateness (beyond <see cref="Tolerance"/>) to
/// <see cref="Lost"/>. Timer callbacks and socket completions wait in the same thread pool, so what delays the tick
/// delays an answer from the network too.
/// </summary>
internal sealed class LagMonitor : ILagGauge, IDisposable
{
    /// <summary>How often the monitor ticks: fine enough to see a lost quarter of a 250 ms timeout, cheap enough to ignore.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>Lateness up to this much is ordinary timer jitter, not starvation.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(5);

    private readonly TimeProvider timeProvider;
    private readonly ITimer timer;
    private long lastTick;
    private long lostTicks;
    private long worstTicks;

    /// <summary>Starts measuring now; dispose to stop.</summary>
    public LagMonitor(TimeProvider? timeProvider = null)
    {
        this.timeProvider = timeProvider ?? TimeProvider.System;
        lastTick = this.timeProvider.GetTimestamp();
        timer = this.timeProvider.CreateTimer(static state => ((LagMonitor)state!).Tick(), this, Interval, Interval);
    }

    /// <inheritdoc />
    public TimeSpan Lost => TimeSpan.FromTicks(Interlocked.Read(ref lostTicks));

    /// <inheritdoc />
    public TimeSpan WorstDelay => TimeSpan.FromTicks(Interlocked.Read(ref worstTicks));

    /// <summary>Stops the timer.</summary>
    public void Dispose() => timer.Dispose();

    private void Tick()
    {
        var now = timeProvider.GetTimestamp();
        var previous = Interlocked.Exchange(ref lastTick, now);
        var late = timeProvider.GetElapsedTime(previous, now) - Interval;
        if (late <= Tolerance)
        {
            return;
        }

        Interlocked.Add(ref lostTicks, late.Ticks);
        var worst = Interlocked.Read(ref worstTicks);
        while (late.Ticks > worst)
        {
            var seen = Interlocked.CompareExchange(ref worstTicks, late.Ticks, worst);
            if (seen == worst)
            {
                break;
            }

            worst = seen;
        }
    }
}
