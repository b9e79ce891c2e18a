namespace Heimnetz.Harness.Fixtures.Engine;

/// <summary>
/// This machine's share of one thing every engine on it has in common: the host. A scenario that binds fixed host ports
/// holds it alone; every other scenario holds it together with others, because its candidates still read the host
/// (the bridge gateway, <c>localhost</c>, a host alias) and would see a port that a fixed-port scenario published on it,
/// whichever engine or harness process did so. Within one process the runner already orders them; the lease orders
/// several processes (one per engine, or two people's runs) the same way. An advisory file lock: it ends with the
/// process, also when the process is killed.
/// </summary>
public sealed class HostLease : IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(100);
    private readonly FileStream handle;

    private HostLease(FileStream handle) => this.handle = handle;

    /// <summary>The lock file: one per machine (the temp folder), whatever the checkout.</summary>
    public static string LockPath { get; } = Path.Combine(Path.GetTempPath(), "heimnetz-host.lock");

    /// <summary>Waits until the host can be had: alone when <paramref name="exclusive"/>, else beside other shared holders.</summary>
    public static async Task<HostLease> AcquireAsync(bool exclusive, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryAcquire(exclusive) is { } lease)
            {
                return lease;
            }

            await Task.Delay(Retry, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The lease at once, or null while another holder keeps it (any holder, for an exclusive one).</summary>
    public static HostLease? TryAcquire(bool exclusive)
    {
        try
        {
            // .NET takes flock(2) for the share mode: None is exclusive, Read is shared.
            return new HostLease(new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, exclusive ? FileShare.None : FileShare.ReadWrite));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => handle.Dispose();
}
