using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Heimnetz.Benchmarks.Support;

/// <summary>
/// A real redis-server on a free loopback port, started and owned by one benchmark or failover run:
/// no persistence, so a restart starts empty and nothing is written to disk.
/// </summary>
internal sealed partial class RedisServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/redis-server";

    // Linux signal numbers. Sent with kill(2) directly: spawning kill(1) takes milliseconds on a busy machine, which would blur
    // the moment of the fault that every failover figure is measured from.
    private const int SigKill = 9;
    private const int SigCont = 18;
    private const int SigStop = 19;

    private Process process;

    private RedisServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>Starts a server on a free loopback port and waits until it accepts connections.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var port = FreeLoopbackPort();
        return new RedisServer(await SpawnAsync(port), port);
    }

    /// <summary>Kills the server with SIGKILL (clients see RST, like a crashed or stopped container) and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            Signal(SigKill);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts a new, empty server on the same port after <see cref="KillAsync"/>; returns once it accepts connections.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        process.Dispose();
        process = await SpawnAsync(Port);
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open and nothing answers, like a black-holed network.</summary>
    public void Pause() => Signal(SigStop);

    /// <summary>Resumes a paused server (SIGCONT).</summary>
    public void Resume() => Signal(SigCont);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Resume();
        }

        await KillAsync();
        process.Dispose();
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<Process> SpawnAsync(int port)
    {
        var binary = File.Exists(Binary) ? Binary : "redis-server";
        var startInfo = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "no" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var started = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{binary}'.");
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, _) => { };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        await WaitUntilListeningAsync(started, port, TimeSpan.FromSeconds(10));
        return started;
    }

    private static async Task WaitUntilListeningAsync(Process process, int port, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode} before listening on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(10);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"redis-server did not listen on port {port} within {timeout.TotalSeconds} s.");
    }

    private void Signal(int signal)
    {
        if (SendSignal(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
