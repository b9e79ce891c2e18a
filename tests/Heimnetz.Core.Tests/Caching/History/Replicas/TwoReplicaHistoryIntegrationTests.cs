using System.Diagnostics;
using System.Globalization;
using System.Text;
using Heimnetz.Caching;
using Heimnetz.Harness.Fixtures.LocalRedis;
using StackExchange.Redis;

namespace Heimnetz.Tests.Caching.History.Replicas;

/// <summary>
/// Two cache replicas, each in its own process, on one real redis-server. The server is killed; both write the same keys
/// in memory, interleaved, one call at a time, so the recorded order is the order the writes were made. The server comes
/// back (its append-only file keeps what it acknowledged), and the test lets the replicas return one after the other: once
/// with the replica holding the older writes last (where "the last to return wins" would be wrong), once with it first.
/// The history is then checked with <see cref="HistoryChecker"/>: Redis ends with the later write per key, no acknowledged
/// removal is undone, and the last return kept out exactly the changes a later write had already superseded.
/// Seeds: <see cref="HistorySeeds"/>.
/// </summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
[NonParallelizable]
public sealed class TwoReplicaHistoryIntegrationTests
{
    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    public static IEnumerable<TestCaseData> Runs() =>
        from seed in HistorySeeds.Read()
        from policy in new[] { ReturnPolicy.WriteBack, ReturnPolicy.Discard }
        from olderReturnsLast in new[] { true, false }
        select new TestCaseData(policy, olderReturnsLast, seed)
            .SetArgDisplayNames(policy.ToString(), olderReturnsLast ? "older writes return last" : "older writes return first", $"seed {seed}");

    [TestCaseSource(nameof(Runs))]
    [CancelAfter(60_000)]
    public async Task Return_TwoReplicasWroteTheSameKeysDuringAnOutage_LaterWriteWinsWhicheverReturnsFirst(ReturnPolicy policy, bool olderReturnsLast, int seed, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("heimnetz-replicas-");
        try
        {
            await RunAsync(policy, ReplicaSchedule.Create(seed, olderReturnsLast), dataDirectory.FullName).WaitAsync(cancellationToken);
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(ReturnPolicy policy, ReplicaSchedule schedule, string dataDirectory)
    {
        // Given: a server that keeps an append-only file, so its restart loses nothing it acknowledged, and two replicas on it.
        await using var server = await RedisServerProcess.StartAsync("--appendonly", "yes", "--appendfsync", "no", "--dir", dataDirectory);
        var replicas = new ReplicaProcess[2];
        try
        {
            replicas[0] = await ReplicaProcess.StartAsync("r0", server.Endpoint, policy);
            replicas[1] = await ReplicaProcess.StartAsync("r1", server.Endpoint, policy);
            var operations = new List<CacheOperation>();
            var returns = new List<ReturnRecord>();
            var settled = new Dictionary<int, IReadOnlyDictionary<string, string>>();

            // When: they write before the outage, then in memory while the server is dead; the server comes back, but each
            // replica returns only when the test lets it, and the first one writes to Redis before the other returns.
            await RunPhaseAsync(replicas, schedule, ReplicaPhase.BeforeOutage, operations);
            foreach (var replica in replicas)
            {
                await replica.SendAsync("hold");
            }

            await server.KillAsync();
            foreach (var replica in replicas)
            {
                await replica.SendAsync("wait-mode Memory");
            }

            await RunPhaseAsync(replicas, schedule, ReplicaPhase.Outage, operations);
            await server.RestartAsync();
            settled[schedule.FirstToReturn] = await ReturnAsync(replicas[schedule.FirstToReturn], returns);
            await RunPhaseAsync(replicas, schedule, ReplicaPhase.BetweenReturns, operations);
            settled[schedule.LastToReturn] = await ReturnAsync(replicas[schedule.LastToReturn], returns);

            // Both read every key back through Redis, and the raw state is read past the cache.
            for (var k = 0; k < ReplicaSchedule.Keys; k++)
            {
                foreach (var index in new[] { 0, 1 })
                {
                    await RecordAsync(replicas[index], new ReplicaStep(ReplicaPhase.BetweenReturns, index, OperationKind.Get, ReplicaSchedule.Key(k), null), operations);
                }
            }

            var finalState = await ReadFinalStateAsync(server);

            // Then
            var report = Report(policy, schedule, operations, settled, finalState);
            TestContext.Out.WriteLine(report);
            var violations = new HistoryChecker(policy, operations, returns).Check(finalState);
            Assert.Multiple(() =>
            {
                Assert.That(violations, Is.Empty, $"{report}{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
                Assert.That(settled.Values.Select(s => s["failed"]), Is.All.EqualTo("0"), $"no replay may fail on a healthy server; {report}");
                Assert.That(settled[schedule.FirstToReturn]["kept"], Is.EqualTo("0"), $"the first return found only writes made before the outage, all older; {report}");
                Assert.That(settled[schedule.LastToReturn]["kept"], Is.EqualTo(schedule.ExpectedKeptByLastReturn(policy).ToString(CultureInfo.InvariantCulture)), $"the last return keeps exactly the changes a later write superseded; {report}");
            });
        }
        catch
        {
            foreach (var replica in replicas.Where(r => r is not null))
            {
                TestContext.Out.WriteLine($"--- replica {replica.Name} log ---{Environment.NewLine}{replica.Log}");
            }

            throw;
        }
        finally
        {
            foreach (var replica in replicas.Where(r => r is not null))
            {
                await replica.DisposeAsync();
            }
        }
    }

    private static async Task RunPhaseAsync(ReplicaProcess[] replicas, ReplicaSchedule schedule, ReplicaPhase phase, List<CacheOperation> operations)
    {
        foreach (var step in schedule.Steps.Where(s => s.Phase == phase))
        {
            var operation = await RecordAsync(replicas[step.Replica], step, operations);
            var expected = phase == ReplicaPhase.Outage ? ServedBy.Memory : ServedBy.Redis;
            // The premise of the run, not a finding: a call served elsewhere means the replica's mode was not what the test set up.
            Assert.That(operation.Served, Is.EqualTo(expected), $"premise: {operation} in phase {phase}; replica log:{Environment.NewLine}{replicas[step.Replica].Log}");
        }
    }

    private static async Task<CacheOperation> RecordAsync(ReplicaProcess replica, ReplicaStep step, List<CacheOperation> operations)
    {
        var start = Stopwatch.GetTimestamp();
        var answer = await replica.SendAsync(step.Command);
        var end = Stopwatch.GetTimestamp();
        var transitions = int.Parse(answer["transitions"], CultureInfo.InvariantCulture);
        var value = step.Kind == OperationKind.Get ? (answer["value"] is "-" ? null : answer["value"]) : step.Value;
        var operation = new CacheOperation(step.Replica, step.Kind, step.Key, value, start, end, transitions, transitions, Enum.Parse<ServedBy>(answer["served"]), null);
        operations.Add(operation);
        return operation;
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReturnAsync(ReplicaProcess replica, List<ReturnRecord> returns)
    {
        var switched = Stopwatch.GetTimestamp();
        var answer = await replica.SendAsync("return-now");
        returns.Add(new ReturnRecord(switched, Stopwatch.GetTimestamp(), int.Parse(answer["failed"], CultureInfo.InvariantCulture)));
        return answer;
    }

    private static async Task<Dictionary<string, string?>> ReadFinalStateAsync(RedisServerProcess server)
    {
        await using var raw = await ConnectionMultiplexer.ConnectAsync(server.Endpoint);
        var database = raw.GetDatabase();
        var state = new Dictionary<string, string?>();
        for (var k = 0; k < ReplicaSchedule.Keys; k++)
        {
            var key = ReplicaSchedule.Key(k);
            var stored = (byte[]?)await database.StringGetAsync(key);
            state[key] = stored is not null && RedisEntryFormat.TryDecode(stored, out var header)
                ? Encoding.UTF8.GetString(stored.AsSpan(header.DataOffset))
                : null;
        }

        return state;
    }

    private static string Report(ReturnPolicy policy, ReplicaSchedule schedule, List<CacheOperation> operations, Dictionary<int, IReadOnlyDictionary<string, string>> settled, Dictionary<string, string?> finalState)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{policy}: r{schedule.FirstToReturn} returned first ({string.Join(" ", settled[schedule.FirstToReturn].Select(f => $"{f.Key}={f.Value}"))}), r{schedule.LastToReturn} last ({string.Join(" ", settled[schedule.LastToReturn].Select(f => $"{f.Key}={f.Value}"))}), expected kept by the last {schedule.ExpectedKeptByLastReturn(policy)}");
        foreach (var (key, value) in finalState)
        {
            var writes = operations.Where(o => o.Key == key && o.IsWrite).Select(o => $"r{o.Worker}:{(o.Kind == OperationKind.Set ? o.Value : "remove")}@{o.Served}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {key} = {value ?? "(none)"} after {string.Join(", ", writes)}");
        }

        return text.ToString();
    }
}
