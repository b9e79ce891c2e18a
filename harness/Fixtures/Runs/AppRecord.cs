namespace Heimnetz.Testing;

/// <summary>Everything one run saw: the app's readings over time, the sidecar's views, and the app's logs; secrets already removed.</summary>
public sealed record AppRecord(
    Situation Situation,
    string App,
    string Wiring,
    string StateSource,
    IReadOnlyList<AppReading> Readings,
    IReadOnlyList<SidecarView> Sidecar,
    string Logs)
{
    /// <summary>Values that vary by run (the bridge gateway's address), mapped to the role a snapshot shows instead.</summary>
    public IReadOnlyDictionary<string, string> Scrubs { get; init; } = new Dictionary<string, string>();

    public IEnumerable<AppReading> In(string phase) => Readings.Where(reading => reading.Phase == phase);

    /// <summary>The last reading of a phase, or null when the phase did not happen.</summary>
    public AppReading? Last(string phase) => In(phase).LastOrDefault();

    public SidecarView? SidecarIn(string phase) => Sidecar.LastOrDefault(view => view.Phase == phase);

    /// <summary>Replaces run-specific values with their roles.</summary>
    public string Scrub(string text) =>
        Scrubs.Aggregate(text ?? string.Empty, (current, scrub) => current.Replace(scrub.Key, scrub.Value, StringComparison.Ordinal));
}
