using System.Globalization;
using System.Text.Json;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>
/// Reads <c>heimnetz watch --json</c> output (one object per line: "transition" or "tick") into the failover figures:
/// time to switch after the fault, time to return after Redis answers again, and call latency during the outage.
/// </summary>
internal sealed class WatchTimeline
{
    private readonly List<ModeTransition> transitions = [];
    private readonly List<(DateTimeOffset At, string Mode, double P99, double Max)> ticks = [];

    public WatchTimeline(string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var at = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
            switch (root.GetProperty("type").GetString())
            {
                case "transition":
                    transitions.Add(new ModeTransition(root.GetProperty("from").GetString()!, root.GetProperty("to").GetString()!, root.GetProperty("reason").GetString() ?? string.Empty, at));
                    break;
                case "tick":
                    ticks.Add((at, root.GetProperty("mode").GetString()!, root.GetProperty("p99Ms").GetDouble(), root.GetProperty("maxMs").GetDouble()));
                    break;
            }
        }
    }

    /// <summary>The transitions from the first time the cache was on Redis: the start-up connect is not part of the story.</summary>
    public IReadOnlyList<ModeTransition> SinceFirstRedis()
    {
        var first = transitions.FindIndex(t => t.To == "redis");
        return first < 0 ? [] : transitions.Skip(first + 1).ToList();
    }

    /// <summary>Switch time after the fault, return time after the restore command, and latency while in memory mode.</summary>
    public IReadOnlyDictionary<string, double> Figures(DateTimeOffset faultAt, DateTimeOffset restoredAt)
    {
        var figures = new Dictionary<string, double>();
        var story = SinceFirstRedis();
        if (story.FirstOrDefault(t => t.To == "memory" && t.At >= faultAt) is { } down)
        {
            figures["switchMs"] = Math.Round((down.At - faultAt).TotalMilliseconds, 1);
        }

        if (story.FirstOrDefault(t => t.To == "redis" && t.At >= restoredAt) is { } back)
        {
            figures["returnMs"] = Math.Round((back.At - restoredAt).TotalMilliseconds, 1);
        }

        figures["transitions"] = story.Count;
        if (story.Count > 0)
        {
            // The report charts latency per second from the first transition on (keys p99Ms@<seconds>).
            foreach (var tick in ticks.Where(t => t.At >= story[0].At))
            {
                figures[string.Create(CultureInfo.InvariantCulture, $"p99Ms@{(tick.At - story[0].At).TotalSeconds:0.0}")] = Math.Round(tick.P99, 2);
            }
        }

        var outage = ticks.Where(t => t.At > faultAt && t.At <= restoredAt.AddSeconds(1)).ToList();
        if (outage.Count > 0)
        {
            figures["outageP99Ms"] = Math.Round(outage.Max(t => t.P99), 2);
            figures["outageMaxMs"] = Math.Round(outage.Max(t => t.Max), 2);
        }

        return figures;
    }
}
