using System.Text.Json;
using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Harness.Scenarios.Matrix;

/// <summary>The figures a run measured — discovery time, per-candidate latency, failover switch and return — kept out of the snapshot.</summary>
public static class TimingsReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToJson(IEnumerable<ScenarioResult> results) =>
        JsonSerializer.Serialize(
            results.Select(result => new
            {
                scenario = result.Scenario.Name,
                server = result.Server,
                status = result.Status.ToString(),
                wallMs = Math.Round(result.WallTime.TotalMilliseconds, 1),
                discoveryMs = result.Observation?.Report.Discovery.ElapsedMs,
                candidates = result.Observation?.Report.Discovery.Candidates.ToDictionary(c => c.Endpoint, c => new { c.Outcome, c.LatencyMs }),
                measured = result.Observation?.Timings,
            }),
            Json);
}
