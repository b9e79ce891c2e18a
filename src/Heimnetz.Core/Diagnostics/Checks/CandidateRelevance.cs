using Heimnetz.Discovery;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>How much a problem on one candidate matters, and how to name the candidate in a finding.</summary>
internal static class CandidateRelevance
{
    /// <summary>
    /// The most when nothing was chosen; a warning when the candidate outranks the chosen one (the app fell back);
    /// info when a better candidate was chosen anyway.
    /// </summary>
    public static FindingSeverity Severity(DoctorContext context, CandidateResult result, FindingSeverity whenNothingChosen) =>
        context.Chosen is not { } chosen
            ? whenNothingChosen
            : result.Candidate.Priority < chosen.Candidate.Priority ? FindingSeverity.Warning : FindingSeverity.Info;

    /// <summary>False for a probe that was stopped because a better candidate was already ready: its outcome says nothing.</summary>
    public static bool Meaningful(DoctorContext context, CandidateResult result) => result.Finished || context.Chosen is null;

    /// <summary>The candidate as <c>redis:6379 (default: compose service name)</c>.</summary>
    public static string Describe(CandidateResult result) =>
        $"{result.Candidate.Endpoint} ({result.Candidate.Source.ToWireName()}: {result.Candidate.Reason})";

    /// <summary>True for names and literals that mean this machine's loopback.</summary>
    public static bool IsLoopback(RedisEndpoint endpoint) =>
        endpoint.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || endpoint.Host.StartsWith("127.", StringComparison.Ordinal)
        || endpoint.Host is "::1" or "[::1]";
}
