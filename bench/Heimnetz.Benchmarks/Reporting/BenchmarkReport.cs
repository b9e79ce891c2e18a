using System.Globalization;
using System.Text;
using System.Text.Json;
using Heimnetz.Benchmarks.Failover;
using Heimnetz.Benchmarks.Paired;
using static Heimnetz.Benchmarks.Reporting.MarkdownText;

namespace Heimnetz.Benchmarks.Reporting;

/// <summary>
/// Renders docs/benchmarks.md from one run's results (BenchmarkDotNet's JSON and the failover harness's JSON):
/// every figure a ratio against what a user would pick instead, next to the targets the project set itself.
/// </summary>
internal static class BenchmarkReport
{
    private const string Raw = "Raw";
    private const string Heimnetz = "Heimnetz";
    private const string RedisCache = "RedisCache";
    private const string MemoryCache = "MemoryCache";

    public static int Write(string artifacts, string output, string command)
    {
        var rows = BenchmarkResults.Read(Path.Combine(artifacts, "bdn"));
        var failoverPath = Path.Combine(artifacts, "failover.json");
        var failover = File.Exists(failoverPath) ? JsonSerializer.Deserialize<FailoverRun>(File.ReadAllText(failoverPath), FailoverHarness.Json) : null;
        if (rows.Count == 0 && failover is null && !File.Exists(Path.Combine(artifacts, "paired.json")))
        {
            Console.Error.WriteLine($"report: no results under '{artifacts}' (expected bdn/**/*-report-full.json, failover.json and paired.json); run the benchmarks first.");
            return 1;
        }

        var paired = PairedSection.Read(artifacts);
        var text = Render(rows, failover, paired, MachineInfo.Current(), command);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, text);
        Console.WriteLine($"report: wrote {output} ({rows.Count} benchmark results, {failover?.Results.Count ?? 0} failover runs)");
        return 0;
    }

    private static string Render(IReadOnlyList<BenchmarkRow> rows, FailoverRun? failover, PairedRun? paired, MachineInfo machine, string command)
    {
        var redis = rows.Where(row => row.Type.EndsWith("RedisCacheBenchmarks", StringComparison.Ordinal)).ToList();
        var memory = rows.Where(row => row.Type.EndsWith("MemoryModeBenchmarks", StringComparison.Ordinal)).ToList();
        var other = rows.Except(redis).Except(memory).ToList();

        var md = new StringBuilder();
        Line(md, "# Benchmarks");
        Line(md);
        Line(md, "Heimnetz next to what a user would pick instead, measured side by side in one run on one machine against a real");
        Line(md, "`redis-server` on loopback that the benchmarks start themselves. Every claim is a ratio against the alternative:");
        Line(md, "raw StackExchange.Redis `IDatabase` (`StringGetAsync`/`StringSetAsync`), Microsoft's `RedisCache`");
        Line(md, "(`Microsoft.Extensions.Caching.StackExchangeRedis`), and a plain `MemoryCache`. This file is generated: do not edit it,");
        Line(md, "run the command below (about 10 minutes) and commit the result.");
        Line(md);
        Line(md, "## Machine and run");
        Line(md);
        Line(md, $"- Date: {(failover?.Date ?? DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}");
        Line(md, $"- Command: `{command}` (BenchmarkDotNet, then `paired`, then `failover`, then `report`)");
        Line(md, $"- CPU: {machine.Cpu}, {machine.Processors} logical processors (nproc), shared with other work while measuring");
        Line(md, $"- OS: {machine.Os}");
        Line(md, $"- Runtime: {machine.Runtime}; {machine.Redis}; StackExchange.Redis 3.4, Microsoft.Extensions.Caching.StackExchangeRedis 10.0");
        Line(md, "- BenchmarkDotNet 0.15.8, in-process, 3 warm-up and 20 measured iterations of at least 250 ms each");
        Line(md);

        Line(md, "## Targets");
        Line(md);
        Line(md, "| target | measured | met |");
        Line(md, "|---|---|---|");
        foreach (var (target, measured, verdict) in Targets(paired, failover))
        {
            Line(md, $"| {target} | {measured} | {Verdict(verdict)} |");
        }

        Line(md);
        PairedSection.Render(md, paired);
        RenderRedis(md, redis);
        RenderMemory(md, memory);
        RenderOther(md, other);
        RenderFailover(md, failover);
        RenderMethod(md);
        return md.ToString();
    }

    private static IEnumerable<(string Target, string Measured, TargetVerdict Verdict)> Targets(PairedRun? paired, FailoverRun? failover)
    {
        foreach (var target in PairedSection.Targets(paired))
        {
            yield return target;
        }

        var stopped = failover?.Results.FirstOrDefault(r => r.Client == FailoverClient.HeimnetzName && r.Scenario == FailoverHarness.Stopped);
        var blackHoled = failover?.Results.FirstOrDefault(r => r.Client == FailoverClient.HeimnetzName && r.Scenario == FailoverHarness.BlackHoled);
        yield return ("Redis stopped: switch to memory ≤ 100 ms", Ms(stopped?.SwitchMs), Verdict(stopped is null ? null : stopped.SwitchMs <= 100));
        yield return ("Redis stopped: p99 during the outage ≤ 60 ms", Ms(stopped?.Outage.P99Ms), Verdict(stopped is null ? null : stopped.Outage.P99Ms <= 60));
        yield return ("Redis stopped: max during the outage ≤ 100 ms", Ms(stopped?.Outage.MaxMs), Verdict(stopped is null ? null : stopped.Outage.MaxMs <= 100));
        yield return ("Redis black-holed: switch to memory ≤ 250 ms", Ms(blackHoled?.SwitchMs), Verdict(blackHoled is null ? null : blackHoled.SwitchMs <= 250));
        yield return (
            "back on Redis ≤ 2 s after it answers (stopped, black-holed)",
            $"{Ms(stopped?.ReturnMs)}, {Ms(blackHoled?.ReturnMs)}",
            Verdict(stopped is null || blackHoled is null ? null : stopped.ReturnMs <= 2000 && blackHoled.ReturnMs <= 2000));
    }

    private static TargetVerdict Verdict(bool? met) => met switch
    {
        null => TargetVerdict.NotMeasured,
        true => TargetVerdict.Met,
        false => TargetVerdict.Missed,
    };

    private static void RenderRedis(StringBuilder md, List<BenchmarkRow> redis)
    {
        if (!Section(md, "Redis: GET and SET", redis.Count > 0))
        {
            return;
        }

        Line(md, "Time per call (median of the iterations, each the mean of many calls) and throughput (calls per second from the");
        Line(md, "mean), against the same `redis-server`. Ratios are against raw StackExchange.Redis: below 1× is faster, for time;");
        Line(md, "above 1× is more, for throughput. Each stores what it must to honour expiry options: Heimnetz one string with a short");
        Line(md, "header (one `SET … PX`, one `GET`; a second, scripted round trip only for sliding entries), `RedisCache` a hash (HSET plus");
        Line(md, "EXPIRE, HMGET), raw SE.Redis a plain string with no expiry information.");
        Line(md);
        Line(md, "| op | payload | callers | SE.Redis | Heimnetz | RedisCache | SE.Redis calls/s | Heimnetz calls/s | RedisCache calls/s | allocated B/call (SE.Redis / Heimnetz / RedisCache) |");
        Line(md, "|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in redis.GroupBy(row => (row.Operation, row.PayloadBytes, row.Callers)).OrderBy(g => g.Key.Operation, StringComparer.Ordinal).ThenBy(g => g.Key.PayloadBytes).ThenBy(g => g.Key.Callers))
        {
            var (operation, payload, callers) = group.Key;
            var raw = Find(redis, Raw, operation, payload, callers);
            var heimnetz = Find(redis, Heimnetz, operation, payload, callers);
            var microsoft = Find(redis, RedisCache, operation, payload, callers);
            Line(md, $"| {operation.ToUpperInvariant()} | {Size(payload)} | {callers} | {Time(raw?.MedianNs)} | {TimeWithRatio(heimnetz?.MedianNs, raw?.MedianNs)} | {TimeWithRatio(microsoft?.MedianNs, raw?.MedianNs)} | {Rate(raw)} | {RateWithRatio(heimnetz, raw)} | {RateWithRatio(microsoft, raw)} | {Bytes(raw)} / {Bytes(heimnetz)} / {Bytes(microsoft)} |");
        }

        Line(md);
    }

    private static void RenderMemory(StringBuilder md, List<BenchmarkRow> memory)
    {
        if (!Section(md, "Memory mode (no Redis) vs `MemoryCache`", memory.Count > 0))
        {
            return;
        }

        Line(md, "`ResilientCache` whose locator finds no Redis, against a `MemoryCache` holding the same byte arrays (100 B, absolute expiry).");
        Line(md, "Heimnetz's memory path also keeps the outage bookkeeping (generation key, dirty-key set on writes, sliding-expiry touch) and");
        Line(md, "records its metrics, which is what a call during an outage costs.");
        Line(md);
        Line(md, "| op | MemoryCache | Heimnetz sync | Heimnetz async | allocated B/call (MemoryCache / sync / async) |");
        Line(md, "|---|---|---|---|---|");
        foreach (var operation in new[] { "Get", "Set" })
        {
            var baseline = memory.FirstOrDefault(row => row.Client == MemoryCache && row.Operation == operation);
            var sync = memory.FirstOrDefault(row => row.Client == Heimnetz && row.Operation == operation);
            var async = memory.FirstOrDefault(row => row.Client == Heimnetz && row.Operation == operation + "Async");
            Line(md, $"| {operation.ToUpperInvariant()} | {Time(baseline?.MedianNs)} | {TimeWithRatio(sync?.MedianNs, baseline?.MedianNs)} | {TimeWithRatio(async?.MedianNs, baseline?.MedianNs)} | {Bytes(baseline)} / {Bytes(sync)} / {Bytes(async)} |");
        }

        Line(md);
    }

    private static void RenderOther(StringBuilder md, List<BenchmarkRow> other)
    {
        if (!Section(md, "Discovery and environment detection", other.Count > 0))
        {
            return;
        }

        Line(md, "What finding Redis costs once at start-up, with the default timeouts (250 ms connect, 250 ms handshake, 1 s budget), all on");
        Line(md, "loopback. The alternative, a hard-coded connection string, costs nothing here and fails later when the address is wrong.");
        Line(md, "20 candidates: 18 refused ports and one listener that accepts and never answers (which costs the handshake timeout);");
        Line(md, "\"first alive\" puts a real `redis-server` first instead of one of the refused ports.");
        Line(md);
        Line(md, "| benchmark | median | allocated |");
        Line(md, "|---|---|---|");
        foreach (var row in other)
        {
            Line(md, $"| {row.Client}{(row.Operation.Length > 0 ? " " + row.Operation : string.Empty)} | {Time(row.MedianNs)} | {Bytes(row)} B |");
        }

        Line(md);
    }

    private static void RenderFailover(StringBuilder md, FailoverRun? failover)
    {
        if (!Section(md, "Failover under load", failover))
        {
            return;
        }

        Line(md, $"Load: {failover.Settings}. Each client gets its own fresh `redis-server`. **Stopped**: the server is killed (clients see RST)");
        Line(md, "and a new, empty one is started on the same port after the outage. **Black-holed**: the server is frozen with SIGSTOP");
        Line(md, "(connections stay open, nothing answers) and resumed with SIGCONT. Every client runs with its defaults (Heimnetz: 50 ms");
        Line(md, "operation timeout; SE.Redis: `AbortOnConnectFail=false`, 5 s timeouts; `RedisCache`: defaults).");
        Line(md);
        Line(md, "- *switch*: fault to failover. Heimnetz: its `ModeChanged` to memory. The others never fail over; the figure is when the first call threw.");
        Line(md, "- *outage p50/p99/max*: latency of every call that overlapped the outage (in flight at the fault, or started before Redis");
        Line(md, "  answered again), until it returned or threw; *threw*: how many of those threw.");
        Line(md, "- *return*: Redis answering again (restarted server listening, or SIGCONT) to being back on Redis. Heimnetz: its `ModeChanged`");
        Line(md, "  to Redis; the others: the first call that succeeded.");
        Line(md, "- *steady p50*: per-call latency before the fault, measured with a stopwatch around each call.");
        Line(md, "- ratios in brackets are against Heimnetz in the same scenario (2× = twice Heimnetz's figure); none where Heimnetz's figure is below 1 ms.");
        Line(md);
        Line(md, "| scenario | client | switch | outage p50 | outage p99 | outage max | threw | return | steady p50 |");
        Line(md, "|---|---|---|---|---|---|---|---|---|");
        foreach (var result in failover.Results)
        {
            var reference = failover.Results.FirstOrDefault(r => r.Scenario == result.Scenario && r.Client == FailoverClient.HeimnetzName);
            var isReference = ReferenceEquals(reference, result);
            // Below 1 ms (memory-served calls, an instant return) a ratio says more about the stopwatch than about the client.
            string Cell(double? value, double? heimnetz) => isReference || value is null || heimnetz is not >= 1.0 ? Ms(value) : $"{Ms(value)} ({Ratio(value.Value / heimnetz.Value)})";
            Line(md, $"| {result.Scenario} | {result.Client} | {Cell(result.SwitchMs, reference?.SwitchMs)} | {Cell(result.Outage.P50Ms, reference?.Outage.P50Ms)} | {Cell(result.Outage.P99Ms, reference?.Outage.P99Ms)} | {Cell(result.Outage.MaxMs, reference?.Outage.MaxMs)} | {result.Outage.Errors.ToString(CultureInfo.InvariantCulture)}/{result.Outage.Calls.ToString(CultureInfo.InvariantCulture)} | {Cell(result.ReturnMs, reference?.ReturnMs)} | {Ms(result.Steady.P50Ms)} |");
        }

        var notes = failover.Results.Where(r => r.Note.Length > 0).ToList();
        if (notes.Count > 0)
        {
            Line(md);
            foreach (var result in notes)
            {
                Line(md, $"- {result.Scenario}, {result.Client}: {result.Note}");
            }
        }

        Line(md);
    }

    private static void RenderMethod(StringBuilder md)
    {
        Line(md, "## How to read this, and what it does not say");
        Line(md);
        Line(md, "- One machine, loopback, small payloads: the round trip is tens of microseconds, so client-side overhead shows at its");
        Line(md, "  largest here. Across a real network the round trip dominates and the ratios move towards 1×.");
        Line(md, "- The machine is shared and has few cores; redis-server, the clients and the callers compete for them. Compare ratios");
        Line(md, "  within this file, not absolute figures across machines.");
        Line(md, "- In the Redis benchmarks `ResilientCache` runs with 1 s operation and health-probe timeouts instead of 50/100 ms, so that");
        Line(md, "  a scheduling stall does not fail it over in the middle of a measurement (a run that leaves Redis fails instead of reporting");
        Line(md, "  memory figures). A call does the same work whatever the timeout; only StackExchange.Redis's heartbeat, which ends overdue");
        Line(md, "  calls, beats every fifth of it (200 ms here, 10 ms with the defaults); `paired --defaults` measures the ratios with the");
        Line(md, "  defaults, to check that the faster heartbeat costs nothing. The failover harness uses the defaults.");
        Line(md, "- Calls are `async`; one invocation is 256 calls spread over the callers, and BenchmarkDotNet reports time per call.");
        Line(md, "- The targets' ratios come from the paired rounds above; the BenchmarkDotNet tables run one benchmark after another and");
        Line(md, "  give absolute figures and allocations, but a ratio between two of their rows also carries whatever the machine did in between.");
        Line(md, "- Raw files: `artifacts/bench/bdn/results/` (BenchmarkDotNet's Markdown and JSON), `artifacts/bench/paired.json` and");
        Line(md, "  `artifacts/bench/failover.json`.");
    }

    private static string Verdict(TargetVerdict verdict) => verdict switch
    {
        TargetVerdict.Met => "yes",
        TargetVerdict.WithinNoise => "within noise",
        TargetVerdict.Missed => "**no**",
        _ => "not measured",
    };

    private static BenchmarkRow? Find(List<BenchmarkRow> rows, string client, string operation, int payload, int callers) =>
        rows.FirstOrDefault(row => row.Client == client && row.Operation == operation && row.PayloadBytes == payload && row.Callers == callers);

    private static string Size(int bytes) => bytes >= 1024 && bytes % 1024 == 0
        ? (bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KiB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " B";

    private static string Ms(double? ms) => ms is { } value ? value.ToString(value switch { < 1 => "0.00", < 10 => "0.0", _ => "0" }, CultureInfo.InvariantCulture) + " ms" : "never";

    private static string Time(double? ns) => ns switch
    {
        null => "—",
        >= 1e6 => (ns.Value / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (ns.Value / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " µs",
        _ => ns.Value.ToString("0", CultureInfo.InvariantCulture) + " ns",
    };

    private static string TimeWithRatio(double? ns, double? baseline) =>
        ns is null ? "—" : baseline is > 0 ? $"{Time(ns)} ({Ratio(ns.Value / baseline.Value)})" : Time(ns);

    private static string Rate(BenchmarkRow? row) => row is null ? "—" : row.Throughput.ToString("#,0", CultureInfo.InvariantCulture);

    private static string RateWithRatio(BenchmarkRow? row, BenchmarkRow? baseline) =>
        row is null ? "—" : baseline is null ? Rate(row) : $"{Rate(row)} ({Ratio(row.Throughput / baseline.Throughput)})";

    private static string Bytes(BenchmarkRow? row) => row?.AllocatedBytes is { } bytes ? bytes.ToString(CultureInfo.InvariantCulture) : "—";
}
