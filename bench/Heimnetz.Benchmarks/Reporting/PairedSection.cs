using System.Globalization;
using System.Text;
using System.Text.Json;
using Heimnetz.Benchmarks.Failover;
using Heimnetz.Benchmarks.Paired;
using static Heimnetz.Benchmarks.Reporting.MarkdownText;

namespace Heimnetz.Benchmarks.Reporting;

/// <summary>The targets that are ratios, judged on the paired harness's rounds, and the table of every paired comparison.</summary>
internal static class PairedSection
{
    public static PairedRun? Read(string artifacts)
    {
        var path = Path.Combine(artifacts, "paired.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<PairedRun>(File.ReadAllText(path), FailoverHarness.Json) : null;
    }

    public static IEnumerable<(string Target, string Measured, TargetVerdict Verdict)> Targets(PairedRun? paired)
    {
        yield return Target(paired, "`ResilientCache` GET p50 ≤ 1.05× raw StackExchange.Redis (1 caller)", "p50-latency", atMost: 1.05);
        yield return Target(paired, "throughput with 64 callers ≥ `RedisCache`'s", "throughput", atLeast: 1.0);
        yield return Target(paired, "memory-mode GET ≤ 1.2× raw `MemoryCache`", "time-per-call", atMost: 1.2);
    }

    public static void Render(StringBuilder md, PairedRun? paired)
    {
        if (!Section(md, "Side by side: the targets' ratios", paired))
        {
            return;
        }

        var s = paired.Settings;
        Line(md, string.Create(CultureInfo.InvariantCulture, $"Measured in {s.Rounds} rounds. Each round runs Heimnetz and the alternative back to back, alternating which goes first,"));
        Line(md, "so a neighbour's burst on this shared machine lands on both sides of a ratio instead of on one benchmark; the ratio is the");
        Line(md, "median of the per-round ratios and the range is the middle half of the rounds (25th–75th percentile). A round is");
        Line(md, string.Create(CultureInfo.InvariantCulture, $"{s.LatencyCalls} single calls each timed on its own (p50 of the round), {s.ThroughputCalls} calls spread over 64 callers (calls/s), or"));
        Line(md, string.Create(CultureInfo.InvariantCulture, $"{s.MemoryCalls} memory-mode reads timed as a batch (mean per call). A target whose median misses but whose middle half reaches"));
        Line(md, "the bound is reported as *within noise*: this machine cannot tell it apart from the bound.");
        Line(md);
        Line(md, "| comparison | measure | Heimnetz | alternative | ratio | middle half |");
        Line(md, "|---|---|---|---|---|---|");
        foreach (var result in paired.Results)
        {
            Line(md, $"| {result.Comparison} | {result.Measure} | {Figure(result.SubjectMedian, result.Unit)} | {result.Baseline} {Figure(result.BaselineMedian, result.Unit)} | {Ratio(result.Ratio)} | {Ratio(result.RatioP25)}–{Ratio(result.RatioP75)} |");
        }

        Line(md);
    }

    private static (string, string, TargetVerdict) Target(PairedRun? paired, string target, string measure, double? atMost = null, double? atLeast = null)
    {
        var results = paired?.Results.Where(result => result.Measure == measure).ToList() ?? [];
        if (results.Count == 0)
        {
            return (target, "—", TargetVerdict.NotMeasured);
        }

        var verdicts = results.Select(result => Judge(result, atMost, atLeast)).ToList();
        var verdict = verdicts.Contains(TargetVerdict.Missed) ? TargetVerdict.Missed
            : verdicts.Contains(TargetVerdict.WithinNoise) ? TargetVerdict.WithinNoise
            : TargetVerdict.Met;
        var measured = string.Join(", ", results.Select(result => $"{Short(result.Comparison)}: {Ratio(result.Ratio)} ({Ratio(result.RatioP25)}–{Ratio(result.RatioP75)})"));
        return (target, measured, verdict);
    }

    private static TargetVerdict Judge(PairedResult result, double? atMost, double? atLeast) => (atMost, atLeast) switch
    {
        ({ } bound, _) => result.Ratio <= bound ? TargetVerdict.Met : result.RatioP25 <= bound ? TargetVerdict.WithinNoise : TargetVerdict.Missed,
        (_, { } bound) => result.Ratio >= bound ? TargetVerdict.Met : result.RatioP75 >= bound ? TargetVerdict.WithinNoise : TargetVerdict.Missed,
        _ => throw new ArgumentException("A target needs a bound."),
    };

    // "GET 100 B, 1 caller" → "GET 100 B": the target's own text already says how many callers.
    private static string Short(string comparison) => comparison.Split(',')[0] + (comparison.Contains("memory", StringComparison.Ordinal) ? comparison[comparison.LastIndexOf(',')..] : string.Empty);

    private static string Figure(double value, string unit) => value.ToString(value >= 1000 ? "#,0" : "0.0", CultureInfo.InvariantCulture) + " " + unit;}
