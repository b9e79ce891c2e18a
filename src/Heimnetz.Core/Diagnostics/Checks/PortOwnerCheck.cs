using Heimnetz.Diagnostics.Remedies;
using Heimnetz.Discovery;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>
/// On the host: who holds each local Redis port (6379, 6380, and configured loopback ports) — a Redis (which version),
/// something else, and which container publishes it.
/// </summary>
internal sealed class PortOwnerCheck : IDoctorCheck
{
    /// <summary>True when this check reports the candidate's problem, so the per-candidate checks do not repeat it.</summary>
    public static bool Covers(DoctorContext context, CandidateResult result) =>
        !context.InContainerNetwork
        && CandidateRelevance.IsLoopback(result.Candidate.Endpoint)
        && result.Outcome is ProbeOutcome.NotRedis or ProbeOutcome.Timeout;

    public IEnumerable<Finding> Run(DoctorContext context)
    {
        if (context.Discovery is not { } discovery || context.InContainerNetwork)
        {
            yield break;
        }

        var byPort = discovery.Candidates
            .Where(result => CandidateRelevance.IsLoopback(result.Candidate.Endpoint) && CandidateRelevance.Meaningful(context, result))
            .GroupBy(result => result.Candidate.Endpoint.Port)
            .OrderBy(group => group.Key);
        foreach (var group in byPort)
        {
            var port = group.Key;
            var publishers = context.Engine.PublishedPorts
                .Where(published => published.PublicPort == port)
                .Select(published => $"container '{published.Container}' (image {published.Image}) publishes {published.HostIp ?? "*"}:{published.PublicPort} -> {published.PrivatePort}/tcp")
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var redis = group.FirstOrDefault(result => result.Outcome is ProbeOutcome.Ready or ProbeOutcome.AuthRequired or ProbeOutcome.AuthFailed);
            var other = group.FirstOrDefault(result => result.Outcome is ProbeOutcome.NotRedis or ProbeOutcome.Timeout);
            if (redis is not null)
            {
                var what = redis.Server?.ToString() ?? "a Redis that wants a password";
                var observed = new List<string> { $"{redis.Candidate.Endpoint}: {redis.Outcome.ToWireName()} - {redis.Detail}" };
                observed.AddRange(publishers.Count > 0 ? publishers : [NotPublished(context, port)]);
                yield return new Finding(FindingCodes.PortHeldByRedis, FindingSeverity.Info, $"Port {port} on this host: {what}{Via(publishers)}", observed, null);
            }
            else if (other is not null)
            {
                var what = other.Outcome == ProbeOutcome.Timeout ? "something that does not answer" : $"something that is not Redis ({UnresponsivePeerCheck.WhatAnswered(other.Detail)})";
                var observed = new List<string> { $"{other.Candidate.Endpoint}: {other.Outcome.ToWireName()} - {other.Detail}" };
                observed.AddRange(publishers.Count > 0 ? publishers : [NotPublished(context, port)]);
                yield return new Finding(
                    FindingCodes.PortConflict,
                    FindingSeverity.Warning,
                    $"Port {port} on this host is held by {what}{Via(publishers)}",
                    observed,
                    context.Engine.PublishedPorts.FirstOrDefault(published => published.PublicPort == port) is { } squatter
                        ? new MovePublishedPort(squatter.Container, port, FirstUnheldPort(discovery, context.Engine.PublishedPorts))
                        : new StartDevelopmentRedis(FirstUnheldPort(discovery, context.Engine.PublishedPorts)));
            }
        }
    }

    /// <summary>
    /// The first port from <see cref="StartDevelopmentRedis.DefaultPort"/> up that no loopback candidate found held and
    /// no container publishes: where a development Redis would go. A guess from what was seen; the fix checks again.
    /// </summary>
    public static int FirstUnheldPort(DiscoveryReport discovery, IReadOnlyList<PublishedPort>? published = null)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        var held = discovery.Candidates
            .Where(result => CandidateRelevance.IsLoopback(result.Candidate.Endpoint) && result.Outcome is not (ProbeOutcome.Refused or ProbeOutcome.Unreachable or ProbeOutcome.DnsFailure))
            .Select(result => result.Candidate.Endpoint.Port)
            .Concat((published ?? []).Select(port => port.PublicPort))
            .ToHashSet();
        var port = StartDevelopmentRedis.DefaultPort;
        while (held.Contains(port))
        {
            port++;
        }

        return port;
    }

    private static string Via(List<string> publishers) => publishers.Count > 0 ? " published by a container" : string.Empty;

    private static string NotPublished(DoctorContext context, int port) =>
        context.Engine.State == EngineState.Reachable
            ? $"no running container publishes {port}: a process on the host holds it (ss -ltnp 'sport = :{port}' names it)"
            : $"the engine did not answer, so whether a container publishes {port} is unknown";
}
