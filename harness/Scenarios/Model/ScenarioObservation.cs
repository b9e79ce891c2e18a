using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Probing;

namespace Heimnetz.Harness.Scenarios.Model;

/// <summary>What the app saw in one scenario: its probe report, everything it printed, and the failover timeline if one ran.</summary>
public sealed record ScenarioObservation(ProbeReport Report, string RawOutput, string NetworkWiring)
{
    /// <summary>The doctor's verdict in the same place, when it ran.</summary>
    public DoctorVerdict? Doctor { get; init; }

    /// <summary>Mode transitions seen by <c>heimnetz watch</c> (failover scenarios), in order.</summary>
    public IReadOnlyList<ModeTransition> Transitions { get; init; } = [];

    /// <summary>What the engine itself says about the topology (e.g. the bridge's gateway), to check the probe against.</summary>
    public IReadOnlyDictionary<string, string> EngineFacts { get; init; } = new Dictionary<string, string>();

    /// <summary>What the sample service, run as the app beside the probe, says in <c>GET /status</c>; null when none ran.</summary>
    public ServiceStatus? Service { get; init; }

    /// <summary>What the doctor's remedies did when applied (the remedy column); null when they were not tried.</summary>
    public Remedies.RemedyOutcome? Remedy { get; init; }

    /// <summary>Why no service ran (the matrix shows it instead of an empty cell).</summary>
    public string? NoService { get; init; }

    /// <summary>The HTTP requests a client container sent through the service during a failover drill.</summary>
    public TrafficRun? Traffic { get; init; }

    /// <summary>
    /// What the scenario's own tools printed (e.g. <c>heimnetz watch</c> and its log), added to the containers' logs of a
    /// cell that needs attention; never part of the snapshot. It is part of <see cref="RawOutput"/> too, so the secret check reads it.
    /// </summary>
    public string? Diagnostics { get; init; }

    /// <summary>Measured figures (milliseconds) for the timings report; never part of the snapshot.</summary>
    public IReadOnlyDictionary<string, double> Timings { get; init; } = new Dictionary<string, double>();
}

/// <summary>One mode change of the cache, as watch reported it.</summary>
public sealed record ModeTransition(string From, string To, string Reason, DateTimeOffset At)
{
    /// <summary>The sample service's transitions from the first time it was on Redis, like watch's (start-up is not the story).</summary>
    public static IReadOnlyList<ModeTransition> SinceFirstRedis(IReadOnlyList<ServiceTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        var all = transitions.Select(t => new ModeTransition(t.From, t.To, t.Reason, t.At)).ToList();
        var first = all.FindIndex(t => t.To == "redis");
        return first < 0 ? [] : all.Skip(first + 1).ToList();
    }

    /// <summary>
    /// The story the transitions tell, as modes: where it started, each mode it went to, and where it ended — with a
    /// brief flap (memory and back again on a loaded machine) folded in, so the matrix stays deterministic. The
    /// timings report keeps the real count.
    /// </summary>
    public static IReadOnlyList<string> Story(IReadOnlyList<ModeTransition> transitions)
    {
        if (transitions.Count == 0)
        {
            return [];
        }

        var modes = new List<string> { transitions[0].From };
        foreach (var transition in transitions)
        {
            if (modes[^1] != transition.To && !modes.Contains(transition.To))
            {
                modes.Add(transition.To);
            }
        }

        if (modes[^1] != transitions[^1].To)
        {
            modes.Add(transitions[^1].To);
        }

        return modes;
    }
}
