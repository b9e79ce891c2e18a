using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Heimnetz.Tests.Support;

/// <summary>
/// A real redis-server (or valkey-server) process on a free loopback port, owned by one test.
/// Tests in the <see cref="Category"/> category need the binary; CI installs it, a developer without it sees them ignored.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    public const string Category = "LocalRedis";

    private readonly Process process;

    private RedisServerProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public bool HasExited => process.HasExited;

    /// <summary>Starts a server with the given extra arguments (e.g. "--requirepass", "x") and waits until it accepts connections.</summary>
    public static async Task<RedisServerProcess> StartAsync(params string[] extraArguments) =>
        await StartOnPortAsync(FreeLoopbackPort(), extraArguments);

    /// <summary>Starts a server on a given port, e.g. to bring a stopped one back where it was.</summary>
    public static async Task<RedisServerProcess> StartOnPortAsync(int port, params string[] extraArguments)
    {
        var binary = FindBinary("redis-server");
        var startInfo = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "no" }.Concat(extraArguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{binary}'.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new RedisServerProcess(process, port);
        await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    /// <summary>Ignores the calling test when the binary is missing, or fails it when CI is set: a green CI must mean these tests ran.</summary>
    public static void RequireBinary(string name = "redis-server")
    {
        if (TryFindBinary(name) is not null)
        {
            return;
        }

        var message = $"'{name}' is not on PATH; install it (Debian: apt-get install {name}) to run the {Category} tests.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
    }

    /// <summary>Stops the server abruptly, as a crash or a stopped container would (clients see RST).</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open and nothing answers, like a black-holed network.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>Resumes a paused server (SIGCONT).</summary>
    public void Resume() => Signal("CONT");

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

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode} before listening on port {Port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new TimeoutException($"redis-server did not listen on port {Port} within {timeout.TotalSeconds} s.");
    }

    private static string FindBinary(string name) =>
        TryFindBinary(name) ?? throw new InvalidOperationException($"'{name}' is not on PATH.");

    private static string? TryFindBinary(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
