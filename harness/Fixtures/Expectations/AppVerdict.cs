using System.Runtime.CompilerServices;
using System.Text;

namespace Heimnetz.Testing;

/// <summary>The expectations checked against one run's record: which hold, which failed and why.</summary>
public sealed class AppVerdict
{
    private AppVerdict(AppRecord record, IReadOnlyList<(Expectation Expectation, string? Failure)> results)
    {
        Record = record;
        Results = results;
    }

    public AppRecord Record { get; }

    public IReadOnlyList<(Expectation Expectation, string? Failure)> Results { get; }

    public bool Holds => Results.All(result => result.Failure is null);

    public static AppVerdict Check(AppRecord record, params Expectation[] expectations)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(expectations);
        if (expectations.Length == 0)
        {
            throw new ArgumentException("No expectations were given; declare at least one, e.g. Expect.Reports(\"Healthy\").", nameof(expectations));
        }

        return new AppVerdict(record, expectations.Select(expectation => (expectation, expectation.Check(record))).ToList());
    }

    /// <summary>
    /// The deterministic text a repository approves: the situation, the wiring, each expectation with holds or failed, the
    /// app's steady states and the sidecar's choice. No timings, ids or addresses that vary by run.
    /// </summary>
    public string ToSnapshot()
    {
        var text = new StringBuilder();
        text.AppendLine($"situation: {Record.Situation.Name}");
        text.AppendLine($"  {Record.Situation.Description}");
        text.AppendLine($"app wiring: {Record.Wiring}; state from {Record.StateSource}");
        foreach (var phase in new[] { AppRun.StartPhase, AppRun.AfterPhase })
        {
            if (Record.Last(phase) is { } reading)
            {
                text.AppendLine($"{phase}: app reports {reading.State}; sidecar chose {Record.Scrub(Record.SidecarIn(phase)?.Chosen ?? "nothing")}");
            }
        }

        text.AppendLine("expectations:");
        foreach (var (expectation, failure) in Results)
        {
            text.AppendLine(failure is null ? $"  holds   {expectation.Description}" : $"  FAILED  {expectation.Description}");
        }

        return Record.Scrub(text.ToString());
    }

    /// <summary>Everything: each expectation with what was seen instead, the app's readings over time, and every sidecar view.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Record.App} in '{Record.Situation.Name}' ({Record.Situation.Description})");
        foreach (var (expectation, failure) in Results)
        {
            text.AppendLine(failure is null ? $"  holds   {expectation.Description}" : $"  FAILED  {expectation.Description}: {failure}");
        }

        text.AppendLine($"What the app reported ({Record.StateSource}):");
        foreach (var phase in Record.Readings.Select(reading => reading.Phase).Distinct())
        {
            text.AppendLine($"  {phase,-8} {Expect.Story(Record.In(phase))}");
        }

        text.AppendLine("What the sidecar saw from inside the app's network namespace:");
        foreach (var view in Record.Sidecar)
        {
            text.AppendLine($"  {view.Phase}:");
            foreach (var line in view.Lines())
            {
                text.AppendLine($"    {line}");
            }
        }

        if (Record.Situation.RedisEndpoint is { } endpoint)
        {
            text.AppendLine($"In this situation Redis is reachable as {endpoint}.");
        }

        return text.ToString();
    }

    /// <summary>Throws <see cref="ExpectationsFailedException"/> with <see cref="Describe"/> unless every expectation holds.</summary>
    public void EnsureHolds()
    {
        if (!Holds)
        {
            throw new ExpectationsFailedException(Describe());
        }
    }

    /// <summary>
    /// Fails on a broken expectation (with what the sidecar saw), else compares <see cref="ToSnapshot"/> with
    /// <c>&lt;TestFile&gt;.&lt;TestMethod&gt;.verified.txt</c> beside the calling source file, Verify's convention.
    /// </summary>
    /// <param name="directory">Where the snapshot lives; by default beside the calling source file.</param>
    /// <param name="sourceFile">The calling test's source file (filled in by the compiler).</param>
    /// <param name="testName">The calling test method (filled in by the compiler).</param>
    public Task VerifyAsync(string? directory = null, [CallerFilePath] string sourceFile = "", [CallerMemberName] string testName = "")
    {
        EnsureHolds();
        return AppSnapshot.VerifyAsync(ToSnapshot(), directory, sourceFile, testName);
    }
}
