using BenchmarkDotNet.Attributes;
using Heimnetz.Benchmarks.Support;
using Heimnetz.Discovery;
using Heimnetz.Harness.Fixtures.LocalRedis;

namespace Heimnetz.Benchmarks.Discovery;

/// <summary>
/// What discovery costs at start-up, all on loopback: every candidate dead (refused ports plus one listener that accepts and
/// never answers, which costs the handshake timeout), and 20 candidates of which the first is a real redis-server.
/// The default timeouts are used, as an application would.
/// </summary>
public class DiscoveryBenchmarks
{
    private const int CandidateCount = 20;

    private RedisServerProcess? server;
    private SilentListener? silent;
    private IReadOnlyList<RedisCandidate> allDead = [];
    private IReadOnlyList<RedisCandidate> firstAlive = [];
    private readonly RedisDiscovery discovery = new(DiscoveryTimeouts.Default);

    [GlobalSetup]
    public void Setup()
    {
        server = RedisServerProcess.StartAsync().GetAwaiter().GetResult();
        silent = new SilentListener();

        // Ports that were free a moment ago: nothing listens there, so connecting is refused at once.
        var refused = Enumerable.Range(0, CandidateCount).Select(_ => RedisServerProcess.FreeLoopbackPort()).ToArray();
        allDead = [.. refused.Take(CandidateCount - 1).Select(Candidate).Append(Candidate(silent.Port, CandidateCount - 1))];
        firstAlive = [Candidate(server.Port, 0), .. allDead.Skip(1).Select((candidate, i) => candidate with { Priority = i + 1 })];
        allDead = [.. allDead.Select((candidate, i) => candidate with { Priority = i })];

        var check = discovery.DiscoverAsync(firstAlive, DiscoveryMode.FirstChoice).GetAwaiter().GetResult();
        if (check.Chosen?.Candidate.Endpoint.Port != server.Port)
        {
            throw new InvalidOperationException($"Discovery did not choose the live redis-server on port {server.Port}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        silent?.Dispose();
        server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<DiscoveryReport> AllDead_Complete() => discovery.DiscoverAsync(allDead, DiscoveryMode.Complete);

    [Benchmark]
    public Task<DiscoveryReport> FirstAlive_FirstChoice() => discovery.DiscoverAsync(firstAlive, DiscoveryMode.FirstChoice);

    [Benchmark]
    public Task<DiscoveryReport> FirstAlive_Complete() => discovery.DiscoverAsync(firstAlive, DiscoveryMode.Complete);

    private static RedisCandidate Candidate(int port, int priority) =>
        new(new RedisEndpoint("127.0.0.1", port), null, false, CandidateSource.Config, priority, "benchmark");
}
