using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Heimnetz.Benchmarks.Failover;
using Heimnetz.Benchmarks.Support;
using Heimnetz.Caching;

namespace Heimnetz.Benchmarks.Paired;

/// <summary>
/// The targets' ratios, measured as pairs: each round runs Heimnetz and the alternative back to back (alternating which
/// goes first), and the result is the median of the per-round ratios. BenchmarkDotNet runs one benchmark after another,
/// so on a shared machine a neighbour's burst lands on one side of a ratio; within a round it lands on both.
/// </summary>
internal static class PairedHarness
{
    private const int Callers = 64;
    private const int Mask = PairedContenders.Keys - 1;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.5);

    public static async Task<int> RunAsync(PairedSettings settings, HeimnetzCacheOptions cacheOptions, string outputPath, string? only = null)
    {
        // --only: the comparisons whose name contains this text, for checking one target without the ten-minute run.
        bool Wanted(string comparison) => only is null || comparison.Contains(only, StringComparison.OrdinalIgnoreCase);

        Console.WriteLine($"paired: {settings.Rounds} rounds; {settings.LatencyCalls} timed calls, {settings.ThroughputCalls} calls over {Callers} callers, {settings.MemoryCalls} memory calls per contender and round");
        await using var clients = await PairedContenders.StartAsync(cacheOptions);
        var results = new List<PairedResult>();
        foreach (var size in new[] { 100, 4096 })
        {
            if (!new[] { $"GET {Size(size)}, 1 caller", $"GET {Size(size)}, {Callers} callers", $"SET {Size(size)}, {Callers} callers" }.Any(Wanted))
            {
                continue;
            }

            var payload = new byte[size];
            new Random(size).NextBytes(payload);
            await clients.FillAsync(payload);
            var options = clients.EntryOptions;

            results.Add(await LatencyAsync(
                $"GET {Size(size)}, 1 caller", settings,
                ("heimnetz", i => clients.Heimnetz.GetAsync(PairedContenders.HeimnetzKeys[i & Mask])),
                ("stackexchange-redis", i => clients.Raw.StringGetAsync(PairedContenders.RawKeys[i & Mask]))));

            foreach (var (operation, heimnetz, redisCache) in new (string, Func<int, Task>, Func<int, Task>)[]
            {
                ("GET", i => clients.Heimnetz.GetAsync(PairedContenders.HeimnetzKeys[i & Mask]), i => clients.RedisCache.GetAsync(PairedContenders.RedisCacheKeys[i & Mask])),
                ("SET", i => clients.Heimnetz.SetAsync(PairedContenders.HeimnetzKeys[i & Mask], payload, options), i => clients.RedisCache.SetAsync(PairedContenders.RedisCacheKeys[i & Mask], payload, options)),
            })
            {
                results.Add(await ThroughputAsync($"{operation} {Size(size)}, {Callers} callers", settings, ("heimnetz", heimnetz), ("rediscache", redisCache)));
            }

            clients.EnsureHeimnetzOnRedis();
        }

        if (Wanted("GET in memory mode, sync"))
        {
            results.Add(Batch("GET in memory mode, sync", settings, ("heimnetz", i => clients.MemoryMode.Get(PairedContenders.MemoryKeys[i & Mask])), ("memorycache", MemoryCacheGet(clients))));
        }

        if (Wanted("GET in memory mode, async"))
        {
            results.Add(Batch("GET in memory mode, async", settings, ("heimnetz", i => clients.MemoryMode.GetAsync(PairedContenders.MemoryKeys[i & Mask])), ("memorycache", MemoryCacheGet(clients))));
        }

        foreach (var result in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {result.Comparison,-28} {result.Measure,-13} {result.Subject} {result.SubjectMedian:0.###} vs {result.Baseline} {result.BaselineMedian:0.###} {result.Unit}: ratio {result.Ratio:0.00} (IQR {result.RatioP25:0.00}–{result.RatioP75:0.00})"));
        }

        var run = new PairedRun(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), settings, results);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        await File.WriteAllTextAsync(outputPath, JsonSerializer.Serialize(run, FailoverHarness.Json));
        Console.WriteLine($"paired: wrote {outputPath}");
        return 0;
    }

    private static Func<int, object?> MemoryCacheGet(PairedContenders clients) =>
        i => clients.MemoryCache.TryGetValue(PairedContenders.MemoryKeys[i & Mask], out byte[]? value) ? value : null;

    /// <summary>Single caller: every call timed on its own; a round's figure is the median call.</summary>
    private static async Task<PairedResult> LatencyAsync(string comparison, PairedSettings settings, (string Name, Func<int, Task> Call) subject, (string Name, Func<int, Task> Call) baseline)
    {
        var timings = new double[settings.LatencyCalls];
        async Task<double> MeasureAsync(Func<int, Task> call)
        {
            for (var i = 0; i < timings.Length; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i);
                timings[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }

            return Median(timings);
        }

        return await RoundsAsync(comparison, "p50-latency", "µs", settings.Rounds, subject.Name, baseline.Name, () => MeasureAsync(subject.Call), () => MeasureAsync(baseline.Call));
    }

    /// <summary>64 callers sharing one batch of calls; a round's figure is calls per second.</summary>
    private static Task<PairedResult> ThroughputAsync(string comparison, PairedSettings settings, (string Name, Func<int, Task> Call) subject, (string Name, Func<int, Task> Call) baseline)
    {
        async Task<double> MeasureAsync(Func<int, Task> call)
        {
            var started = Stopwatch.GetTimestamp();
            await Load.RunAsync(Callers, settings.ThroughputCalls, call);
            return settings.ThroughputCalls / Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        return RoundsAsync(comparison, "throughput", "calls/s", settings.Rounds, subject.Name, baseline.Name, () => MeasureAsync(subject.Call), () => MeasureAsync(baseline.Call));
    }

    /// <summary>Calls that finish in nanoseconds, timed as one batch; a round's figure is the mean time per call.</summary>
    private static PairedResult Batch(string comparison, PairedSettings settings, (string Name, Func<int, object?> Call) subject, (string Name, Func<int, object?> Call) baseline)
    {
        object? sink = null;
        Task<double> Measure(Func<int, object?> call)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < settings.MemoryCalls; i++)
            {
                sink = call(i);
            }

            return Task.FromResult(Stopwatch.GetElapsedTime(started).TotalNanoseconds / settings.MemoryCalls);
        }

        var result = RoundsAsync(comparison, "time-per-call", "ns", settings.Rounds, subject.Name, baseline.Name, () => Measure(subject.Call), () => Measure(baseline.Call)).GetAwaiter().GetResult();
        GC.KeepAlive(sink);
        return result;
    }

    private static async Task<PairedResult> RoundsAsync(
        string comparison, string measure, string unit, int rounds, string subjectName, string baselineName,
        Func<Task<double>> subject, Func<Task<double>> baseline)
    {
        // Unmeasured rounds first, for at least half a second: tiered JIT promotes hot code only after a delay, and
        // connections and pools grow on first use.
        var warming = Stopwatch.StartNew();
        do
        {
            await subject();
            await baseline();
        }
        while (warming.Elapsed < WarmUp);

        var subjectFigures = new double[rounds];
        var baselineFigures = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                subjectFigures[round] = await subject();
                baselineFigures[round] = await baseline();
            }
            else
            {
                baselineFigures[round] = await baseline();
                subjectFigures[round] = await subject();
            }
        }

        var ratios = subjectFigures.Zip(baselineFigures, (s, b) => s / b).Order().ToArray();
        return new PairedResult(
            comparison, measure, subjectName, baselineName,
            Percentile(ratios, 0.50), Percentile(ratios, 0.25), Percentile(ratios, 0.75),
            Median(subjectFigures), Median(baselineFigures), unit, rounds);
    }

    private static double Median(double[] values) => Percentile([.. values.Order()], 0.50);

    // Linear interpolation between the closest ranks.
    private static double Percentile(double[] sorted, double percentile)
    {
        var position = percentile * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    private static string Size(int bytes) => bytes >= 1024 ? $"{bytes / 1024} KiB" : $"{bytes} B";
}
