using System.Globalization;
using Heimnetz.Starvation;
using Heimnetz.Telemetry;

namespace Heimnetz.Discovery;

/// <summary>
/// Probes all candidates in parallel within a time budget and chooses the highest-priority one that is ready —
/// not the fastest — recording for every other candidate why it lost. Every timeout counts only the time this process
/// could run (measured by a <see cref="LagMonitor"/>), and a candidate that timed out is probed once more within the
/// budget before the timeout counts: a verdict follows the network, not the scheduler.
/// </summary>
public sealed class RedisDiscovery
{
    private readonly DiscoveryTimeouts timeouts;
    private readonly TimeProvider timeProvider;
    private readonly CandidateProbe probe;
    private readonly CandidateProbe retryProbe;
    private readonly ILagGauge? gauge;

    /// <summary>Creates a discovery with the given timeouts; <paramref name="timeProvider"/> defaults to the system clock.</summary>
    public RedisDiscovery(DiscoveryTimeouts timeouts, TimeProvider? timeProvider = null)
        : this(timeouts, timeProvider, gauge: null)
    {
    }

    /// <summary>With a given starvation gauge instead of a <see cref="LagMonitor"/> per discovery: for tests that script starvation.</summary>
    internal RedisDiscovery(DiscoveryTimeouts timeouts, TimeProvider? timeProvider, ILagGauge? gauge)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        this.timeouts = timeouts;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.gauge = gauge;
        probe = new CandidateProbe(timeouts, this.timeProvider);
        // The second attempt waits twice as long, as TCP's own retransmissions back off: a peer behind a busy proxy
        // that missed 250 ms once gets 500 ms, a black hole still costs only three quarters of a second.
        retryProbe = new CandidateProbe(timeouts with { ConnectTimeout = timeouts.ConnectTimeout * 2, HandshakeTimeout = timeouts.HandshakeTimeout * 2 }, this.timeProvider);
    }

    /// <summary>Probes <paramref name="candidates"/> and reports every outcome and the choice.</summary>
    public async Task<DiscoveryReport> DiscoverAsync(
        IReadOnlyList<RedisCandidate> candidates,
        DiscoveryMode mode = DiscoveryMode.Complete,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        using var activity = HeimnetzActivities.StartDiscovery(candidates.Count);
        var started = timeProvider.GetTimestamp();
        var ordered = candidates.OrderBy(candidate => candidate.Priority).ToArray();
        using var monitor = gauge is null ? new LagMonitor(timeProvider) : null;
        var lag = (ILagGauge?)monitor ?? gauge!;
        using var budget = new StarvationAwareTimeout(timeouts.Budget, DiscoveryTimeouts.Ceiling(timeouts.Budget), timeProvider, lag, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(budget.Token);
        var probes = ordered.Select(candidate => ProbeWithRetryAsync(candidate, lag, stop.Token)).ToArray();

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
        var judged = results.Select(result => Judge(result, chosen, budget)).ToArray();
        var chosenJudged = chosen is null ? null : judged[Array.IndexOf(results, chosen)];
        if (activity is not null)
        {
            Record(activity, judged, chosenJudged);
        }

        return new DiscoveryReport(judged, chosenJudged, timeProvider.GetElapsedTime(started))
        {
            Starved = lag.Lost,
            WorstDelay = lag.WorstDelay,
        };
    }

    /// <summary>
    /// A timeout is one lost race until it happens twice: the second attempt runs warm (JIT done), waits twice as long,
    /// and stays within what is left of the budget. Anything else (an answer, a reset, a lookup error) is final.
    /// </summary>
    private async Task<CandidateResult> ProbeWithRetryAsync(RedisCandidate candidate, ILagGauge lag, CancellationToken cancellationToken)
    {
        var first = await probe.ProbeAsync(candidate, lag, cancellationToken).ConfigureAwait(false);
        if (!first.TimedOut || !first.Finished || cancellationToken.IsCancellationRequested)
        {
            return first;
        }

        var second = await retryProbe.ProbeAsync(candidate, lag, cancellationToken).ConfigureAwait(false);
        var latency = first.Latency + second.Latency;
        return second.Finished
            ? second with { Attempts = 2, Latency = latency }
            : first with { Attempts = 2, Latency = latency, Detail = $"{first.Detail}; a second attempt was cut short" };
    }

    private static void Record(System.Diagnostics.Activity activity, CandidateResult[] judged, CandidateResult? chosen)
    {
        foreach (var result in judged)
        {
            activity.AddCandidate(result.Candidate.Endpoint.ToString(), result.Outcome.ToWireName(), result.Verdict);
        }

        activity.SetTag(HeimnetzTelemetry.ChosenAttribute, chosen?.Candidate.Endpoint.ToString());
    }

    private CandidateResult Judge(CandidateResult result, CandidateResult? chosen, StarvationAwareTimeout budget)
    {
        if (ReferenceEquals(result, chosen))
        {
            return result with { Verdict = "chosen: the highest-priority ready candidate" };
        }

        if (!result.Finished)
        {
            if (chosen is null && budget.Starved)
            {
                var starved = StarvationText.BudgetStarved(budget);
                return result with { Outcome = ProbeOutcome.Inconclusive, Detail = starved, Verdict = starved };
            }

            var why = chosen is not null && !budget.TimedOut
                ? $"not finished: {chosen.Candidate.Endpoint} (higher priority) was already ready"
                : string.Create(CultureInfo.InvariantCulture, $"not finished within the {timeouts.Budget.TotalMilliseconds:0} ms budget ({result.Detail})");
            return result with { Detail = why, Verdict = why };
        }

        return result.Outcome == ProbeOutcome.Ready && chosen is not null
            ? result with { Verdict = $"lower priority than {chosen.Candidate.Endpoint}" }
            : result with { Verdict = $"{result.Outcome.ToWireName()}: {result.Detail}" };
    }
}
