using System.Globalization;
using Heimnetz.Discovery;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>
/// Candidates that starvation left unjudged. One that outranks the chosen candidate (or any, when nothing was chosen)
/// decides the answer, so the verdict is inconclusive rather than a guess; one below the chosen candidate is only noted.
/// </summary>
internal sealed class StarvationCheck : IDoctorCheck
{
    /// <summary>The inconclusive candidates whose answer could have changed the choice.</summary>
    public static IReadOnlyList<CandidateResult> Deciding(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Discovery is not { } discovery
            ? []
            : discovery.Candidates
                .Where(result => result.Outcome == ProbeOutcome.Inconclusive)
                .Where(result => context.Chosen is not { } chosen || result.Candidate.Priority < chosen.Candidate.Priority)
                .ToList();
    }

    public IEnumerable<Finding> Run(DoctorContext context)
    {
        if (context.Discovery is not { Inconclusive: true } discovery)
        {
            yield break;
        }

        var deciding = Deciding(context);
        var observed = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"this process could not run for {discovery.Starved.TotalMilliseconds:0} ms of discovery's {discovery.Elapsed.TotalMilliseconds:0} ms (longest stall {discovery.WorstDelay.TotalMilliseconds:0} ms); every timeout gave that time back, up to {DiscoveryTimeouts.StarvationStretch}× its length"),
        };
        observed.AddRange(discovery.Candidates
            .Where(result => result.Outcome == ProbeOutcome.Inconclusive)
            .Select(result => $"{CandidateRelevance.Describe(result)}: {result.Detail}"));

        yield return new Finding(
            FindingCodes.DiscoveryInconclusive,
            deciding.Count > 0 ? FindingSeverity.Warning : FindingSeverity.Info,
            deciding.Count > 0
                ? "Discovery was inconclusive: this process was starved of CPU before a deciding candidate could answer"
                : "A lower-priority candidate could not be judged: this process was starved of CPU",
            observed,
            new NoAutomaticRemedy(
                "Nothing is known to be wrong with Redis. Give the process more CPU (a container or pod CPU limit of at least half a core), or run again when the machine is less busy; the cache's recovery loop probes again by itself.",
                "CPU limits belong to whoever deploys the app",
                "whoever sets the app's CPU limit"));
    }
}
