using System.Collections.Concurrent;
using System.Diagnostics;
using Heimnetz.Caching;

namespace Heimnetz.Tests.Caching.History.Replicas;

/// <summary>
/// One cache replica (the Heimnetz.CacheReplica program, built beside the tests) in its own process: a command goes in as
/// one line, the answer comes back as one line, so every call has ended before the next one starts. The replica's log
/// (stderr) is kept for the failure message.
/// </summary>
internal sealed class ReplicaProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();

    private ReplicaProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    public string Log => string.Join(Environment.NewLine, log.TakeLast(40));

    /// <summary>Starts a replica on the server at <paramref name="endpoint"/> and waits until its cache is on Redis.</summary>
    public static async Task<ReplicaProcess> StartAsync(string name, string endpoint, ReturnPolicy policy)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "Heimnetz.CacheReplica.dll");
        // The dotnet test host sets DOTNET_HOST_PATH to the muxer it runs on; the replica runs on the same one.
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { program, "--endpoint", endpoint, "--policy", policy.ToString() })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start the replica {program}.");
        var replica = new ReplicaProcess(name, process);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                replica.log.Enqueue(line.Data);
            }
        };
        process.BeginErrorReadLine();
        await replica.ReadAnswerAsync("start");
        return replica;
    }

    /// <summary>Sends one command and returns its answer's fields (<c>served</c>, <c>value</c>, <c>kept</c>, …); fails the test on an error.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SendAsync(string command)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
        return await ReadAnswerAsync(command);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try
            {
                await process.StandardInput.WriteLineAsync("quit");
                await process.StandardInput.FlushAsync();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception exception) when (exception is IOException or TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadAnswerAsync(string command)
    {
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync().WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            line = $"error no answer within {Patience.TotalSeconds} s";
        }

        if (line is null || !line.StartsWith("ok", StringComparison.Ordinal))
        {
            Assert.Fail($"Replica {Name} answered '{command}' with '{line ?? "(exited)"}'. Its log:{Environment.NewLine}{Log}");
        }

        return line!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(field => field.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty);
    }
}
