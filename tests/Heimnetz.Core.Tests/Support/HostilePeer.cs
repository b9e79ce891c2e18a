using System.Net;
using System.Net.Sockets;
using System.Text;
using Heimnetz.Discovery;

namespace Heimnetz.Tests.Support;

/// <summary>How a <see cref="HostilePeer"/> treats whoever connects.</summary>
public enum HostileBehaviour
{
    /// <summary>Answers anything with an HTTP 400, like a web server on the Redis port.</summary>
    HttpResponder,

    /// <summary>Sends an SSH banner unprompted and closes.</summary>
    BannerThenClose,

    /// <summary>Accepts and reads, never answers: a black hole after the handshake.</summary>
    Silent,

    /// <summary>Sends '+' and then bytes without end and without CRLF.</summary>
    GarbageFlood,

    /// <summary>Announces a 100-byte bulk string, sends three bytes and closes.</summary>
    CloseMidReply,

    /// <summary>Answers every command with -NOAUTH (and AUTH with -WRONGPASS), recording everything: a squatter fishing for passwords.</summary>
    NoAuthCapture,

    /// <summary>Like <see cref="NoAuthCapture"/>, but answers AUTH with an error that echoes back what it received.</summary>
    NoAuthEcho,

    /// <summary>Silent on the first connection (one lost race), a minimal Redis on every later one.</summary>
    SilentOnceThenRedis,
}

/// <summary>
/// A small misbehaving TCP server on 127.0.0.1 and a free port, for probing against peers that are not Redis or lie about it.
/// It records every byte it receives, so tests can assert what a client did or did not send.
/// </summary>
public sealed class HostilePeer : IAsyncDisposable
{
    private const string NoAuth = "-NOAUTH Authentication required.\r\n";

    private readonly TcpListener listener;
    private readonly HostileBehaviour behaviour;
    private readonly CancellationTokenSource stopping = new();
    private readonly MemoryStream received = new();
    private readonly List<Task> connections = [];
    private readonly Task acceptLoop;
    private int connectionCount;

    private HostilePeer(HostileBehaviour behaviour)
    {
        this.behaviour = behaviour;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public RedisEndpoint Endpoint => new("127.0.0.1", Port);

    public int ConnectionCount => Volatile.Read(ref connectionCount);

    /// <summary>Everything received so far from every connection, as Latin-1 text.</summary>
    public string ReceivedText
    {
        get
        {
            lock (received)
            {
                return Encoding.Latin1.GetString(received.ToArray());
            }
        }
    }

    public static HostilePeer Start(HostileBehaviour behaviour) => new(behaviour);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        Task[] open;
        lock (connections)
        {
            open = [.. connections];
        }

        await Task.WhenAll(open);
        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var number = Interlocked.Increment(ref connectionCount);
            lock (connections)
            {
                connections.Add(Task.Run(() => ServeAsync(client, number)));
            }
        }
    }

    private async Task ServeAsync(TcpClient client, int number)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                await (behaviour switch
                {
                    HostileBehaviour.HttpResponder => ReplyOnceAsync(stream, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
                    HostileBehaviour.BannerThenClose => WriteAsync(stream, "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"),
                    HostileBehaviour.Silent => ReadUntilClosedAsync(stream),
                    HostileBehaviour.GarbageFlood => FloodAsync(stream),
                    HostileBehaviour.CloseMidReply => ReplyOnceAsync(stream, "$100\r\nabc"),
                    HostileBehaviour.SilentOnceThenRedis when number == 1 => ReadUntilClosedAsync(stream),
                    HostileBehaviour.SilentOnceThenRedis => PretendRedisAsync(stream),
                    _ => ConverseAsync(stream),
                });
            }
            catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // The client went away or the test ended; either is the end of this conversation.
            }
        }
    }

    private async Task ReplyOnceAsync(NetworkStream stream, string reply)
    {
        await ReadChunkAsync(stream);
        await WriteAsync(stream, reply);
    }

    private async Task ReadUntilClosedAsync(NetworkStream stream)
    {
        while (await ReadChunkAsync(stream) is not null)
        {
        }
    }

    private async Task FloodAsync(NetworkStream stream)
    {
        var chunk = new byte[16 * 1024];
        Array.Fill(chunk, (byte)'A');
        chunk[0] = (byte)'+';
        await stream.WriteAsync(chunk, stopping.Token);
        chunk[0] = (byte)'A';
        while (!stopping.IsCancellationRequested)
        {
            await stream.WriteAsync(chunk, stopping.Token);
        }
    }

    private async Task PretendRedisAsync(NetworkStream stream)
    {
        const string Info = "# Server\r\nredis_version:7.0.15\r\nrun_id:0123456789abcdef0123456789abcdef01234567\r\n";
        while (await ReadChunkAsync(stream) is { } chunk)
        {
            await WriteAsync(stream, chunk.Contains("INFO", StringComparison.OrdinalIgnoreCase) ? $"${Info.Length}\r\n{Info}\r\n" : "+PONG\r\n");
        }
    }

    private async Task ConverseAsync(NetworkStream stream)
    {
        while (await ReadChunkAsync(stream) is { } chunk)
        {
            if (!chunk.Contains("AUTH", StringComparison.OrdinalIgnoreCase))
            {
                await WriteAsync(stream, NoAuth);
            }
            else if (behaviour == HostileBehaviour.NoAuthEcho)
            {
                var echo = chunk.Replace("\r\n", " ", StringComparison.Ordinal);
                await WriteAsync(stream, $"-ERR unknown command 'AUTH', with args beginning with: {echo}\r\n");
            }
            else
            {
                await WriteAsync(stream, "-WRONGPASS invalid username-password pair or user is disabled.\r\n");
            }
        }
    }

    private async Task<string?> ReadChunkAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, stopping.Token);
        if (read == 0)
        {
            return null;
        }

        lock (received)
        {
            received.Write(buffer, 0, read);
        }

        return Encoding.Latin1.GetString(buffer, 0, read);
    }

    private async Task WriteAsync(NetworkStream stream, string text)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text), stopping.Token);
        await stream.FlushAsync(stopping.Token);
    }
}
