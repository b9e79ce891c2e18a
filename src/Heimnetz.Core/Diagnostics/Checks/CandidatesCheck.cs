using Heimnetz.Discovery;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>One summary of every candidate's outcome and identity, and which one was chosen.</summary>
internal sealed class CandidatesCheck : IDoctorCheck
{
    public IEnumerable<Finding> Run(DoctorContext context)
    {
        if (context.Discovery is not { } discovery)
        {
            yield break;
        }

        var observed = discovery.Candidates.Select(Line).ToList();
        if (observed.Count == 0)
        {
            observed.Add("no candidates: the configured replacement list is empty");
        }

        observed.Insert(0, $"discovery mode {context.Configuration.Scope.ToWireName()}: {context.Configuration.ScopeReason}");

        yield return context.Chosen is { } chosen
            ? new Finding(FindingCodes.RedisCandidates, FindingSeverity.Ok, $"Redis chosen: {chosen.Candidate.Endpoint}{Identity(chosen)}", observed, null)
            : new Finding(FindingCodes.RedisCandidates, FindingSeverity.Info, "No Redis candidate is usable", observed, null);
    }

    private static string Line(CandidateResult result) =>
        $"{CandidateRelevance.Describe(result)}: {result.Outcome.ToWireName()}{Identity(result)} - {result.Detail}";

    private static string Identity(CandidateResult result) => result.Server is { } server ? $" ({server})" : string.Empty;
}
