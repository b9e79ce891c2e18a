using System.Globalization;

namespace Heimnetz.Testing;

/// <summary>The expectations a test declares, e.g. "healthy on Redis", "degraded but serving", "answers GET /x with 200 throughout the outage".</summary>
public static class Expect
{
    /// <summary>The app reports <paramref name="state"/> at the start, and again after a fault was undone.</summary>
    public static Expectation Reports(string state) => new(
        $"app reports {state}",
        record =>
        {
            var steady = new[] { record.Last(AppRun.StartPhase), record.Last(AppRun.AfterPhase) }.OfType<AppReading>().ToList();
            var off = steady.Where(reading => reading.State != state).ToList();
            return steady.Count == 0 ? "the app gave no reading"
                : off.Count == 0 ? null
                : string.Join("; ", off.Select(reading => $"at {reading.Phase} it reported {reading.State}"));
        });

    /// <summary>At some point of the outage the app reports <paramref name="state"/> (e.g. Degraded: still serving, from memory).</summary>
    public static Expectation ReportsDuringOutage(string state) => new(
        $"app reports {state} during the outage",
        record => record.In(AppRun.OutagePhase).ToList() is { Count: > 0 } outage
            ? outage.Any(reading => reading.State == state) ? null : $"during the outage it reported {Story(outage)}"
            : "the situation has no outage");

    /// <summary>The app never reports <paramref name="state"/> (e.g. unreachable: it keeps serving throughout).</summary>
    public static Expectation NeverReports(string state) => new(
        $"app never reports {state}",
        record => record.Readings.FirstOrDefault(reading => reading.State == state) is { } bad ? $"at {bad.Phase} it reported {state}" : null);

    /// <summary>Every request for <paramref name="path"/> during the outage answered <paramref name="status"/> (watch the path with <see cref="AppUnderTest.Watching"/>).</summary>
    public static Expectation AnswersThroughoutOutage(string path, int status = 200) => new(
        string.Create(CultureInfo.InvariantCulture, $"GET {path} answers {status} throughout the outage"),
        record =>
        {
            var outage = record.In(AppRun.OutagePhase).ToList();
            if (outage.Count == 0)
            {
                return "the situation has no outage";
            }

            if (outage.Any(reading => !reading.Answers.ContainsKey(path)))
            {
                return $"{path} was not watched; add .Watching(\"{path}\") to the app";
            }

            var bad = outage.Where(reading => reading.Answers[path] != status).ToList();
            return bad.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{bad.Count} of {outage.Count} answers were not {status}: {string.Join(", ", bad.Select(reading => reading.Answers[path]?.ToString(CultureInfo.InvariantCulture) ?? "no answer").Distinct())}");
        });

    /// <summary>The sidecar, from the app's network namespace, chose <paramref name="endpoint"/> at the start (null: no Redis).</summary>
    public static Expectation SidecarChooses(string? endpoint) => new(
        $"sidecar chooses {endpoint ?? "none"}",
        record => record.SidecarIn(AppRun.StartPhase) is { } view
            ? record.Scrub(view.Chosen) == (endpoint ?? "none") ? null : $"the sidecar chose {record.Scrub(view.Chosen)}"
            : "the sidecar did not run");

    /// <summary>The app's logs contain <paramref name="text"/>.</summary>
    public static Expectation LogsContain(string text) => new(
        $"logs contain '{text}'",
        record => record.Logs.Contains(text, StringComparison.Ordinal) ? null : "no log line contains it");

    internal static string Story(IEnumerable<AppReading> readings)
    {
        var states = new List<string>();
        foreach (var reading in readings)
        {
            if (states.Count == 0 || states[^1] != reading.State)
            {
                states.Add(reading.State);
            }
        }

        return string.Join(" → ", states);
    }
}
