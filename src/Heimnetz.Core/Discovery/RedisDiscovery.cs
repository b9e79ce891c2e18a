using System.Globalization;

namespace Heimnetz.Discovery;

/// <summary>
/// Probes all candidates in parallel within a time budget and chooses the highest-priority one that is ready —
/// not the fastest — recording for every other candidate why it lost.
/// </summary>
public sealed class RedisDiscovery
{
    private readonly DiscoveryTimeouts timeouts;
    private readonly TimeProvider timeProvider;
    private readonly CandidateProbe probe;

    /// <summary>Creates a discovery with the given timeouts; <paramref name="timeProvider"/> defaults to the system clock.</summary>
    public RedisDiscovery(DiscoveryTimeouts timeouts, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        this.timeouts = timeouts;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        probe = new CandidateProbe(timeouts, this.timeProvider);
    }

    /// <summary>Probes <paramref name="candidates"/> and reports every outcome and the choice.</summary>
    public async Task<DiscoveryReport> DiscoverAsync(
        IReadOnlyList<RedisCandidate> candidates,
        DiscoveryMode mode = DiscoveryMode.Complete,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var started = timeProvider.GetTimestamp();
        var ordered = candidates.OrderBy(candidate => candidate.Priority).ToArray();
        using var budget = new TimeoutScope(timeouts.Budget, timeProvider, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(budget.Token);
        var probes = ordered.Select(candidate => probe.ProbeAsync(candidate, stop.Token)).ToArray();

        if (mode == DiscoveryMode.FirstChoice)
        {
            // In priority order: once every better candidate has failed and this one is ready, nothing can beat it.
            foreach (var pending in probes)
            {
                if ((await pending.ConfigureAwait(false)).Outcome == ProbeOutcome.Ready)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    break;
                }
            }
        }

        var results = await Task.WhenAll(probes).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var chosen = Array.Find(results, result => result.Outcome == ProbeOutcome.Ready);
        var judged = results.Select(result => Judge(result, chosen, budget.TimedOut)).ToArray();
        var chosenJudged = chosen is null ? null : judged[Array.IndexOf(results, chosen)];
        return new DiscoveryReport(judged, chosenJudged, timeProvider.GetElapsedTime(started));
    }

    private CandidateResult Judge(CandidateResult result, CandidateResult? chosen, bool budgetExpired)
    {
        if (ReferenceEquals(result, chosen))
        {
            return result with { Verdict = "chosen: the highest-priority ready candidate" };
        }

        if (!result.Finished)
        {
            var why = chosen is not null && !budgetExpired
                ? $"not finished: {chosen.Candidate.Endpoint} (higher priority) was already ready"
                : string.Create(CultureInfo.InvariantCulture, $"not finished within the {timeouts.Budget.TotalMilliseconds:0} ms budget ({result.Detail})");
            return result with { Detail = why, Verdict = why };
        }

        return result.Outcome == ProbeOutcome.Ready && chosen is not null
            ? result with { Verdict = $"lower priority than {chosen.Candidate.Endpoint}" }
            : result with { Verdict = $"{result.Outcome.ToWireName()}: {result.Detail}" };
    }
}
