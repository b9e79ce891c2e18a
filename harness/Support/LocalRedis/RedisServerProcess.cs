using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Heimnetz.Harness.Fixtures.LocalRedis;

/// <summary>
/// A real redis-server process on a free loopback port, owned by one test or benchmark: no persistence, so a restart
/// starts empty and nothing is written to disk. Tests that need it carry the <see cref="Category"/> category; CI
/// installs the binary, a developer without it sees those tests ignored.
/// </summary>
public sealed partial class RedisServerProcess : IAsyncDisposable
{
    public const string Category = "LocalRedis";

    // Linux signal numbers, sent with kill(2) directly: spawning kill(1) takes milliseconds on a busy machine, which
    // would blur the moment of the fault that failover figures are measured from.
    private const int SigKill = 9;
    private const int SigCont = 18;
    private const int SigStop = 19;

    private readonly IReadOnlyList<string> extraArguments;
    private Process process;

    private RedisServerProcess(Process process, int port, IReadOnlyList<string> extraArguments)
    {
        this.process = process;
        this.extraArguments = extraArguments;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public bool HasExited => process.HasExited;

    /// <summary>Starts a server with extra arguments (e.g. "--requirepass", "x") and waits until it accepts connections.</summary>
    public static Task<RedisServerProcess> StartAsync(params string[] extraArguments) =>
        StartOnPortAsync(FreeLoopbackPort(), extraArguments);

    /// <summary>
    /// Starts a TLS-only server (no plain port) on a free loopback port; <see cref="Port"/> is its TLS port. The arguments
    /// come after the defaults, so redis-server's last-one-wins replaces the plain <c>--port</c>.
    /// </summary>
    public static Task<RedisServerProcess> StartTlsAsync(RedisTlsFiles tls, params string[] extraArguments)
    {
        ArgumentNullException.ThrowIfNull(tls);
        var port = FreeLoopbackPort();
        return StartOnPortAsync(port, [.. tls.ServerArguments(port), .. extraArguments]);
    }

    /// <summary>Starts a server on a given port, e.g. to bring a stopped one back where it was.</summary>
    public static async Task<RedisServerProcess> StartOnPortAsync(int port, params string[] extraArguments) =>
        new(await SpawnAsync(port, extraArguments).ConfigureAwait(false), port, extraArguments);

    /// <summary>Ignores the calling test when the binary is missing, or fails it when CI is set: a green CI must mean these tests ran.</summary>
    public static void RequireBinary(string name = "redis-server")
    {
        if (TryFindBinary(name) is not null)
        {
            return;
        }

        Requirements.MachineRequirement.Unmet($"'{name}' is not on PATH; install it (eng/install-test-tools.sh, or Debian: apt-get install {name}) to run the {Category} tests.");
    }

    /// <summary>Kills the server (SIGKILL: clients see RST, like a crashed or stopped container) and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            Signal(SigKill);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Starts a new, empty server on the same port and with the same arguments after <see cref="KillAsync"/>.</summary>
    public async Task RestartAsync()
    {
        await KillAsync().ConfigureAwait(false);
        process.Dispose();
        process = await SpawnAsync(Port, extraArguments).ConfigureAwait(false);
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

        await KillAsync().ConfigureAwait(false);
        process.Dispose();
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<Process> SpawnAsync(int port, IReadOnlyList<string> extraArguments)
    {
        var binary = TryFindBinary("redis-server") ?? throw new InvalidOperationException("'redis-server' is not on PATH.");
        var startInfo = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] defaults = ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "no"];
        foreach (var argument in defaults.Concat(extraArguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var started = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{binary}'.");
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, _) => { };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        await WaitUntilListeningAsync(started, port, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
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
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(10).ConfigureAwait(false);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"redis-server did not listen on port {port} within {timeout.TotalSeconds} s.");
    }

    private static string? TryFindBinary(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

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
