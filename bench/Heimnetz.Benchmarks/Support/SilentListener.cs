using System.Net;
using System.Net.Sockets;

namespace Heimnetz.Benchmarks.Support;

/// <summary>
/// A loopback TCP listener that accepts connections and never says a word: the candidate that costs discovery
/// its whole handshake timeout (a firewall that accepts, a process that hangs).
/// </summary>
internal sealed class SilentListener : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> accepted = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    public SilentListener()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync(stopping.Token);
    }

    public int Port { get; }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        try
        {
            accepting.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // Stopping the listener ends the accept loop with an exception; that is the way out.
        }

        lock (accepted)
        {
            foreach (var socket in accepted)
            {
                socket.Dispose();
            }
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            // Keep it open and unread: the peer sees a connected socket that never answers.
            lock (accepted)
            {
                accepted.Add(socket);
            }
        }
    }
}
