namespace Heimnetz.Discovery;

/// <summary>Every candidate's result in priority order, the chosen one (or null), and how long discovery took.</summary>
public sealed record DiscoveryReport(IReadOnlyList<CandidateResult> Candidates, CandidateResult? Chosen, TimeSpan Elapsed);
