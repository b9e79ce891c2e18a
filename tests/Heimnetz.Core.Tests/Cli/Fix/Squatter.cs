using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Heimnetz.Tests.Cli.Fix;

/// <summary>A plain TCP listener on a loopback port that answers like a web server: something that is not Redis holds the port.</summary>
internal sealed class Squatter : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private Squatter(TcpListener listener)
    {
        this.listener = listener;
        loop = Task.Run(AcceptAsync);
    }

    /// <summary>Listens on <paramref name="port"/>, or returns null when something else already holds it.</summary>
    public static Squatter? TryOn(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return new Squatter(listener);
        }
        catch (SocketException)
        {
            listener.Dispose();
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        listener.Dispose();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"), stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
