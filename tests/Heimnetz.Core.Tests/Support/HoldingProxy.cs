using System.Net;
using System.Net.Sockets;

namespace Heimnetz.Tests.Support;

/// <summary>
/// A TCP forwarder on 127.0.0.1 in front of a real server that can hold back what a client sends: the bytes of a command
/// that left the client but has not reached the server yet, the way a congested or starved path delays them. Held bytes
/// are delivered later on the same server connection, even after the client gave up and closed its end.
/// </summary>
public sealed class HoldingProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly int upstreamPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Connection> connections = [];
    private readonly Task acceptLoop;
    private volatile bool refuseNew;

    public HoldingProxy(int upstreamPort)
    {
        this.upstreamPort = upstreamPort;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>While true, a new client is accepted and closed at once, as by a server that is down.</summary>
    public bool RefuseNew
    {
        get => refuseNew;
        set => refuseNew = value;
    }

    /// <summary>From now on, bytes the clients connected so far send are kept here instead of reaching the server.</summary>
    public void HoldExisting()
    {
        lock (connections)
        {
            foreach (var connection in connections)
            {
                connection.Hold();
            }
        }
    }

    /// <summary>
    /// Delivers every held byte to the server, on the connection it was meant for, and waits until the server either answered
    /// on one of those connections or had closed it: after that, the server has done whatever it will do with them.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReleaseAsync(TimeSpan atMost)
    {
        Connection[] held;
        lock (connections)
        {
            held = [.. connections.Where(c => c.IsHolding)];
        }

        var outcomes = await Task.WhenAll(held.Select(c => c.ReleaseAsync())).WaitAsync(atMost);
        return outcomes;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        Connection[] all;
        lock (connections)
        {
            all = [.. connections];
        }

        foreach (var connection in all)
        {
            connection.Dispose();
        }

        try
        {
            await acceptLoop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            if (refuseNew)
            {
                client.Dispose();
                continue;
            }

            var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, stopping.Token);
            var connection = new Connection(client, upstream, stopping.Token);
            lock (connections)
            {
                connections.Add(connection);
            }
        }
    }

    /// <summary>One client and its server connection, pumped both ways.</summary>
    private sealed class Connection : IDisposable
    {
        private readonly TcpClient client;
        private readonly TcpClient upstream;
        private readonly MemoryStream heldBytes = new();
        private readonly TaskCompletionSource<string> serverReacted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool holding;
        private volatile bool released;
        private volatile bool upstreamClosed;

        public Connection(TcpClient client, TcpClient upstream, CancellationToken stopping)
        {
            this.client = client;
            this.upstream = upstream;
            _ = Task.Run(() => ClientToServerAsync(stopping), CancellationToken.None);
            _ = Task.Run(() => ServerToClientAsync(stopping), CancellationToken.None);
        }

        public bool IsHolding => holding;

        public void Hold() => holding = true;

        public async Task<string> ReleaseAsync()
        {
            byte[] pending;
            lock (heldBytes)
            {
                released = true;
                pending = heldBytes.ToArray();
            }

            if (upstreamClosed)
            {
                return "the server had closed the connection before the held bytes arrived";
            }

            try
            {
                await upstream.GetStream().WriteAsync(pending);
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                return "the server connection refused the held bytes";
            }

            return await serverReacted.Task;
        }

        public void Dispose()
        {
            client.Dispose();
            upstream.Dispose();
        }

        private async Task ClientToServerAsync(CancellationToken stopping)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var read = await client.GetStream().ReadAsync(buffer, stopping);
                    if (read == 0)
                    {
                        // The client closed its end; a held connection keeps its server side open for the release.
                        if (!holding)
                        {
                            upstream.Client.Shutdown(SocketShutdown.Send);
                        }

                        return;
                    }

                    lock (heldBytes)
                    {
                        if (holding && !released)
                        {
                            heldBytes.Write(buffer, 0, read);
                            continue;
                        }
                    }

                    await upstream.GetStream().WriteAsync(buffer.AsMemory(0, read), stopping);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }

        private async Task ServerToClientAsync(CancellationToken stopping)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var read = await upstream.GetStream().ReadAsync(buffer, stopping);
                    if (read == 0)
                    {
                        upstreamClosed = true;
                        serverReacted.TrySetResult("the server closed the connection");
                        return;
                    }

                    if (released)
                    {
                        serverReacted.TrySetResult("the server answered the held bytes");
                    }

                    try
                    {
                        await client.GetStream().WriteAsync(buffer.AsMemory(0, read), stopping);
                    }
                    catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
                    {
                        // The client has gone; the server side stays open until the release.
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                upstreamClosed = true;
                serverReacted.TrySetResult("the server connection ended with an error");
            }
        }
    }
}
