using System.Text;
using System.Text.Json;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Matrix;

/// <summary>Turns scenario results into the resolution matrix: Markdown for people and snapshots, JSON for tools.</summary>
public static class ResolutionMatrix
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IReadOnlyList<MatrixRow> Rows(IEnumerable<ScenarioResult> results) =>
        results
            .OrderBy(result => result.Scenario.Name, StringComparer.Ordinal)
            .ThenBy(result => result.Server, StringComparer.Ordinal)
            .Select(ToRow)
            .ToList();

    public static string ToMarkdown(IEnumerable<MatrixRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | app runs | server | container | network | chosen | cache | candidates | service | doctor | remedy | verdict |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine($"| {row.Scenario} | {row.AppRuns} | {row.Server} | {row.Container} | {row.Network} | {row.Chosen} | {row.Cache} | {row.Candidates} | {row.Service} | {row.Doctor} | {row.Remedy} | {row.Verdict} |");
        }

        return text.ToString();
    }

    public static string ToJson(IEnumerable<MatrixRow> rows) => JsonSerializer.Serialize(rows, Json);

    /// <summary>
    /// Nothing listening shows as "refused" or, when a loaded machine lets the 250 ms connect timeout win the race, as
    /// "unreachable". Both mean "down" for resolution; the matrix says so, and the timings report keeps the exact outcome.
    /// </summary>
    private static string Snapshotted(string outcome) => outcome is "refused" or "unreachable" ? "down" : outcome;

    /// <summary>
    /// What the sample service's <c>GET /status</c> said: its cache mode (or, through a failover drill, the story of its
    /// modes) and the endpoint its own discovery chose, e.g. "redis via redis:6379" or "memory, none chosen".
    /// </summary>
    /// <remarks>
    /// Like the cache column: the story only where the scenario breaks Redis on purpose. Elsewhere a write that could not
    /// wait on a starved machine switches the service to memory and back within milliseconds; that is the cache working,
    /// and the row states where the service ended up, so the snapshot does not flip with CPU load.
    /// </remarks>
    private static string Service(ScenarioObservation seen)
    {
        if (seen.Service is not { } service)
        {
            return seen.NoService ?? "—";
        }

        var story = seen.Transitions.Count > 0 ? ModeTransition.Story(ModeTransition.SinceFirstRedis(service.Transitions)) : [];
        var modes = story.Count > 0 ? string.Join("→", story) : service.CacheMode;
        return service.Chosen is { } chosen ? $"{modes} via {chosen}" : $"{modes}, none chosen";
    }

    private static MatrixRow ToRow(ScenarioResult result)
    {
        var scenario = result.Scenario;
        if (result.Observation is not { } seen)
        {
            var why = result.Status switch
            {
                ScenarioStatus.Skipped => $"skipped: {result.SkipReason}",
                ScenarioStatus.NotApplicable => $"not applicable: {result.SkipReason}",
                _ => "failed: no report",
            };
            return new MatrixRow(scenario.Name, scenario.AppRuns, result.Server, "—", "—", "—", "—", "—", "—", "—", "—", why);
        }

        var report = seen.Report;
        var candidates = report.Discovery.Candidates.Count == 0
            ? "none probed"
            : string.Join(" · ", report.Discovery.Candidates.Select(c => $"{c.Endpoint} {Snapshotted(c.Outcome)}"));
        var cache = seen.Transitions.Count > 0
            ? string.Join("→", ModeTransition.Story(seen.Transitions))
            : report.Cache.Mode;
        var verdict = result.Status == ScenarioStatus.Passed ? "ok" : string.Join("; ", result.Violations);
        return new MatrixRow(
            scenario.Name,
            scenario.AppRuns,
            result.Server,
            // On the host the answer is the machine's own (a CI runner may itself be a container); the invariant checks it.
            scenario.AppRuns == "host" ? "<host's own>" : report.Environment.Container,
            $"{report.Environment.NetworkMode} ({seen.NetworkWiring})",
            Scrubber.Scrub(report.Discovery.Chosen ?? "—", result.Scrubs),
            cache,
            Scrubber.Scrub(candidates, result.Scrubs),
            Scrubber.Scrub(Service(seen), result.Scrubs),
            seen.Doctor?.Describe() ?? "—",
            Scrubber.Scrub(seen.Remedy?.Text ?? (seen.Doctor is { Problems.Count: > 0 } ? "not tried" : "—"), result.Scrubs),
            Scrubber.Scrub(verdict, result.Scrubs));
    }
}
