namespace Heimnetz.Starvation;

/// <summary>
/// A timeout that counts only the time the process could run. When it falls due, the time lost to starvation since it
/// started (the gauge's measure, or its own late firing, whichever is larger) is given back, so a peer is judged on
/// the time it really had to answer; <see cref="Ceiling"/> bounds the wall time all the same. Expiring at the ceiling
/// before the full time was available is <see cref="Starved"/>: no verdict on the peer, only on the process.
/// </summary>
public sealed class StarvationAwareTimeout : IDisposable
{
    private static readonly TimeSpan Negligible = TimeSpan.FromMilliseconds(1);

    private readonly TimeProvider timeProvider;
    private readonly ILagGauge gauge;
    private readonly CancellationTokenSource expiry = new();
    private readonly CancellationTokenSource linked;
    private readonly ITimer timer;
    private readonly Lock gate = new();
    private readonly long started;
    private readonly TimeSpan lostAtStart;
    private TimeSpan nextDue;
    private TimeSpan ownLateness;
    private bool disposed;

    /// <summary>Starts the timeout now; it cancels <see cref="Token"/> when it expires or when <paramref name="parent"/> is cancelled.</summary>
    public StarvationAwareTimeout(TimeSpan duration, TimeSpan ceiling, TimeProvider timeProvider, ILagGauge gauge, CancellationToken parent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ceiling, duration);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(gauge);
        Duration = duration;
        Ceiling = ceiling;
        this.timeProvider = timeProvider;
        this.gauge = gauge;
        started = timeProvider.GetTimestamp();
        lostAtStart = gauge.Lost;
        nextDue = duration;
        linked = CancellationTokenSource.CreateLinkedTokenSource(parent, expiry.Token);
        timer = timeProvider.CreateTimer(static state => ((StarvationAwareTimeout)state!).OnDue(), this, duration, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The time the peer gets, counted in time the process could run.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The wall time after which the timeout expires however starved the process was.</summary>
    public TimeSpan Ceiling { get; }

    /// <summary>Cancelled on expiry or when the parent is cancelled.</summary>
    public CancellationToken Token => linked.Token;

    /// <summary>True once the timeout itself expired (not the parent).</summary>
    public bool TimedOut => expiry.IsCancellationRequested;

    /// <summary>True when it expired at the ceiling before the peer had the full <see cref="Duration"/> of runnable time.</summary>
    public bool Starved { get; private set; }

    /// <summary>The time lost to starvation while this timeout ran, as measured when it expired (or so far).</summary>
    public TimeSpan Lost { get; private set; }

    /// <summary>Wall time since the start.</summary>
    public TimeSpan Elapsed => timeProvider.GetElapsedTime(started);

    /// <summary>Stops the timer; the token stays as it is.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
        }

        timer.Dispose();
        linked.Dispose();
        expiry.Dispose();
    }

    private void OnDue()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            var elapsed = Elapsed;
            ownLateness += elapsed > nextDue ? elapsed - nextDue : TimeSpan.Zero;
            var measured = gauge.Lost - lostAtStart;
            Lost = measured > ownLateness ? measured : ownLateness;
            var runnable = elapsed - Lost;
            var owed = Duration - runnable;
            if (owed > Negligible && elapsed < Ceiling)
            {
                var wait = owed < Ceiling - elapsed ? owed : Ceiling - elapsed;
                nextDue = elapsed + wait;
                timer.Change(wait, Timeout.InfiniteTimeSpan);
                return;
            }

            Starved = owed > Negligible;
        }

        try
        {
            expiry.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the decision and the cancel: nobody waits on the token any more.
        }
    }
}
