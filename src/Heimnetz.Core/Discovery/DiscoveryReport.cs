namespace Heimnetz.Discovery;

/// <summary>Every candidate's result in priority order, the chosen one (or null), and how long discovery took.</summary>
public sealed record DiscoveryReport(IReadOnlyList<CandidateResult> Candidates, CandidateResult? Chosen, TimeSpan Elapsed)
{
    /// <summary>The time this process could not run during discovery (CPU limit, a busy machine, start-up work); given back to every timeout.</summary>
    public TimeSpan Starved { get; init; }

    /// <summary>The longest single stretch the process could not run during discovery.</summary>
    public TimeSpan WorstDelay { get; init; }

    /// <summary>True when some candidate could not be judged because the process was starved (see <see cref="ProbeOutcome.Inconclusive"/>).</summary>
    public bool Inconclusive => Candidates.Any(result => result.Outcome == ProbeOutcome.Inconclusive);
}
