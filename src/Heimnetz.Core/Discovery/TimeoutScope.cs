namespace Heimnetz.Discovery;

/// <summary>A token cancelled when either the parent is cancelled or the timeout (on the injected clock) expires.</summary>
internal sealed class TimeoutScope : IDisposable
{
    private readonly CancellationTokenSource timeout;
    private readonly CancellationTokenSource linked;

    public TimeoutScope(TimeSpan duration, TimeProvider timeProvider, CancellationToken parent)
    {
        timeout = new CancellationTokenSource(duration, timeProvider);
        linked = CancellationTokenSource.CreateLinkedTokenSource(parent, timeout.Token);
    }

    public CancellationToken Token => linked.Token;

    public bool TimedOut => timeout.IsCancellationRequested;

    public void Dispose()
    {
        linked.Dispose();
        timeout.Dispose();
    }
}
