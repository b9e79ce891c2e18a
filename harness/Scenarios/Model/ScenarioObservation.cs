using Heimnetz.Probing;

namespace Heimnetz.Harness.Scenarios.Model;

/// <summary>What the app saw in one scenario: its probe report, everything it printed, and the failover timeline if one ran.</summary>
public sealed record ScenarioObservation(ProbeReport Report, string RawOutput, string NetworkWiring)
{
    /// <summary>Mode transitions seen by <c>heimnetz watch</c> (failover scenarios), in order.</summary>
    public IReadOnlyList<ModeTransition> Transitions { get; init; } = [];

    /// <summary>What the engine itself says about the topology (e.g. the bridge's gateway), to check the probe against.</summary>
    public IReadOnlyDictionary<string, string> EngineFacts { get; init; } = new Dictionary<string, string>();

    /// <summary>Measured figures (milliseconds) for the timings report; never part of the snapshot.</summary>
    public IReadOnlyDictionary<string, double> Timings { get; init; } = new Dictionary<string, double>();
}

/// <summary>One mode change of the cache, as watch reported it, with the time since the fault that caused it.</summary>
public sealed record ModeTransition(string From, string To, string Reason, DateTimeOffset At);
