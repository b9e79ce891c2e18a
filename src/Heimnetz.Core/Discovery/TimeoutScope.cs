using Heimnetz.Starvation;

namespace Heimnetz.Discovery;

/// <summary>
/// A token cancelled when either the parent is cancelled or the timeout expires, counted in time the process could
/// run: the slower checks (engine, compose, service names) get back what starvation took, up to 3× their time, so a
/// busy machine does not turn into an engine or resolver finding.
/// </summary>
internal sealed class TimeoutScope : IDisposable
{
    private const int Stretch = 3;

    private readonly LagMonitor lag;
    private readonly StarvationAwareTimeout timeout;

    public TimeoutScope(TimeSpan duration, TimeProvider timeProvider, CancellationToken parent)
    {
        lag = new LagMonitor(timeProvider);
        timeout = new StarvationAwareTimeout(duration, duration * Stretch, timeProvider, lag, parent);
    }

    public CancellationToken Token => timeout.Token;

    public bool TimedOut => timeout.TimedOut;

    public void Dispose()
    {
        timeout.Dispose();
        lag.Dispose();
    }
}
