using System.Text;
using Heimnetz.Caching;
using Heimnetz.Harness.Fixtures.LocalRedis;
using StackExchange.Redis;
using static Heimnetz.Tests.Caching.CacheTestSupport;

namespace Heimnetz.Tests.Caching.History;

/// <summary>
/// Eight workers write, read and remove a shared set of keys through one cache while a real redis-server is killed,
/// restarted, paused and continued under them; every call is recorded and <see cref="HistoryChecker"/> checks the history
/// against the documented semantics afterwards. Seeds: <see cref="HistorySeeds"/>.
/// </summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
[Category(HistoryCategory)]
[NonParallelizable]
public sealed class ResilientCacheHistoryIntegrationTests
{
    /// <summary>
    /// Part of the unit tier; <c>./build.sh --target=History</c> runs only these, with as many seeds as
    /// <c>HEIMNETZ_CACHE_HISTORY_SEEDS</c> asks for.
    /// </summary>
    public const string HistoryCategory = "History";

    private const int Workers = 8;
    private const int Keys = 32;
    private const int Faults = 8;
    private static readonly TimeSpan FaultBudget = TimeSpan.FromSeconds(30);

    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    public static IEnumerable<TestCaseData> Runs() =>
        from seed in HistorySeeds.Read()
        from policy in new[] { ReturnPolicy.WriteBack, ReturnPolicy.Discard }
        select new TestCaseData(policy, seed).SetArgDisplayNames(policy.ToString(), $"seed {seed}");

    [TestCaseSource(nameof(Runs))]
    [CancelAfter(60_000)]
    public async Task Calls_EightWorkersThroughRepeatedFailovers_HistoryKeepsTheDocumentedPromises(ReturnPolicy policy, int seed, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("heimnetz-history-");
        try
        {
            await RunAsync(policy, seed, dataDirectory.FullName, cancellationToken);
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(ReturnPolicy policy, int seed, string dataDirectory, CancellationToken cancellationToken)
    {
        // Given: a server that keeps an append-only file (a kill loses nothing it acknowledged), and a cache on it.
        await using var server = await RedisServerProcess.StartAsync("--appendonly", "yes", "--appendfsync", "no", "--dir", dataDirectory);
        var logger = new RecordingLogger();
        var options = new HeimnetzCacheOptions
        {
            ReturnPolicy = policy,
            // Generous for a shared 2-core machine; one failure opens the circuit, so a call memory served always moved the mode.
            OperationTimeout = TimeSpan.FromMilliseconds(250),
            HealthProbeInterval = TimeSpan.FromMilliseconds(50),
            HealthProbeTimeout = TimeSpan.FromMilliseconds(250),
            FailureThreshold = 1,
            RecoveryBaseDelay = TimeSpan.FromMilliseconds(10),
            RecoveryMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        var cache = new ResilientCache(new FixedRedisLocator(Loopback(server.Port).Endpoint), options, TimeProvider.System, logger);
        var recorder = new HistoryRecorder(cache);
        var random = new Random(seed);
        var faults = new FaultSchedule(server, cache, random, TestContext.Out);
        await WaitForModeAsync(cache, CacheMode.Redis);

        // When: the workers run while the schedule breaks the server, then the server is left running and the cache settles.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(recorder, w, new Random((seed * 31) + w), stop.Token), CancellationToken.None)).ToArray();
        using (var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            budget.CancelAfter(FaultBudget);
            try
            {
                await faults.RunAsync(Faults, budget.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The budget ran out: check what ran so far.
            }
        }

        await Task.Delay(random.Next(100, 300), cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        await faults.HealAsync();
        await WaitForModeAsync(cache, CacheMode.Redis);
        await WaitUntilAsync(() => Settled(logger, recorder, policy), "the last return settled its outage entries");
        var finalState = await ReadFinalStateAsync(server);
        var returns = Returns(logger, recorder);
        await cache.DisposeAsync();

        // Then
        var operations = recorder.Operations;
        var violations = new HistoryChecker(policy, operations, returns).Check(finalState);
        var summary = Summary(policy, seed, faults.Faults, operations, returns, logger);
        TestContext.Out.WriteLine(summary);
        foreach (var violation in violations.Take(20))
        {
            TestContext.Out.WriteLine(violation);
        }

        Assert.That(violations, Is.Empty, $"{summary}; {violations.Count} violation(s), first: {string.Join(Environment.NewLine, violations.Take(8))}");
    }

    private static async Task WorkAsync(HistoryRecorder recorder, int worker, Random random, CancellationToken stop)
    {
        var sequence = 0;
        while (!stop.IsCancellationRequested)
        {
            var key = $"k{random.Next(Keys)}";
            var roll = random.NextDouble();
            var kind = roll < 0.45 ? OperationKind.Set : roll < 0.85 ? OperationKind.Get : OperationKind.Remove;
            var value = kind == OperationKind.Set ? $"w{worker}.{++sequence}" : null;
            await recorder.RunAsync(worker, kind, key, value, synchronous: random.Next(5) == 0);
            // Mostly back to back, so calls are in flight at every switch; now and then a pause, so memory mode does not spin.
            if (random.Next(4) != 0)
            {
                await Task.Yield();
                continue;
            }

            try
            {
                await Task.Delay(1, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static readonly string[] Completions = ["WriteBackCompleted", "OutageRemovalsReplayed"];

    private static List<RecordingLogger.Entry> CompletionLogs(RecordingLogger logger) =>
        [.. logger.Entries.Where(e => Completions.Contains(e.EventName)).OrderBy(e => e.Timestamp)];

    private static bool Settled(RecordingLogger logger, HistoryRecorder recorder, ReturnPolicy policy)
    {
        var completions = CompletionLogs(logger).Count;
        // A policy that logs nothing when it settles (Discard before it replayed removals) is settled when it switched.
        return completions >= recorder.ReturnTimestamps.Count || (policy == ReturnPolicy.Discard && completions == 0);
    }

    private static List<ReturnRecord> Returns(RecordingLogger logger, HistoryRecorder recorder)
    {
        var completions = CompletionLogs(logger);
        return [.. recorder.ReturnTimestamps.Select((switched, i) => completions.Count == 0
            ? new ReturnRecord(switched, switched, 0)
            : i < completions.Count
                ? new ReturnRecord(switched, completions[i].Timestamp, completions[i].Number("Failed"))
                : new ReturnRecord(switched, long.MaxValue, 0))];
    }

    private static async Task<Dictionary<string, string?>> ReadFinalStateAsync(RedisServerProcess server)
    {
        await using var raw = await ConnectionMultiplexer.ConnectAsync(server.Endpoint);
        var database = raw.GetDatabase();
        var state = new Dictionary<string, string?>();
        for (var i = 0; i < Keys; i++)
        {
            var key = $"k{i}";
            var stored = (byte[]?)await database.StringGetAsync(key);
            state[key] = stored is not null && RedisEntryFormat.TryDecode(stored, out var header)
                ? Encoding.UTF8.GetString(stored.AsSpan(header.DataOffset))
                : null;
        }

        return state;
    }

    private static string Summary(ReturnPolicy policy, int seed, int faults, IReadOnlyList<CacheOperation> operations, IReadOnlyList<ReturnRecord> returns, RecordingLogger logger)
    {
        var served = operations.GroupBy(o => o.Served).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        var failedWriteBacks = returns.Sum(r => r.FailedWriteBacks);
        var failedLogs = logger.Entries.Count(e => e.EventName == "WriteBackFailed");
        var completions = CompletionLogs(logger);
        return $"{policy}, seed {seed}: {faults} faults, {returns.Count} returns, {operations.Count} calls ({string.Join(", ", served)}), " +
            $"replayed {completions.Sum(c => c.Number("Written"))} written, {completions.Sum(c => c.Number("Deleted"))} deleted, " +
            $"{completions.Sum(c => c.Number("Kept"))} kept newer, {failedWriteBacks} write-back(s) counted failed, {failedLogs} logged";
    }
}
