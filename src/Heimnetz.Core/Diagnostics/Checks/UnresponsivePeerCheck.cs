using Heimnetz.Discovery;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>A peer that accepted the connection but stayed silent, and a squatter that answered something other than Redis.</summary>
internal sealed class UnresponsivePeerCheck : IDoctorCheck
{
    /// <summary>Names what answered from a probe detail, e.g. "answered HTTP".</summary>
    public static string WhatAnswered(string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return detail.Contains("HTTP/", StringComparison.OrdinalIgnoreCase) ? "answered HTTP"
            : detail.Contains("SSH-", StringComparison.Ordinal) ? "answered SSH"
            : detail.Contains("220 ", StringComparison.Ordinal) ? "answered like an SMTP or FTP server"
            : "answered something other than RESP";
    }

    public IEnumerable<Finding> Run(DoctorContext context)
    {
        if (context.Discovery is not { } discovery)
        {
            yield break;
        }

        foreach (var result in discovery.Candidates.Where(result => CandidateRelevance.Meaningful(context, result) && !PortOwnerCheck.Covers(context, result)))
        {
            var severity = CandidateRelevance.Severity(context, result, FindingSeverity.Warning);
            if (result.Outcome == ProbeOutcome.Timeout)
            {
                yield return new Finding(
                    FindingCodes.PeerTimeout,
                    severity,
                    $"{result.Candidate.Endpoint} accepted the connection but did not answer in time",
                    [CandidateRelevance.Describe(result), result.Detail, $"handshake timeout {context.Configuration.Timeouts.HandshakeTimeout.TotalMilliseconds:0} ms"],
                    (RemedyAction?)PinChosen(discovery, result) ?? new NoAutomaticRemedy(
                        $"Check the server (redis-cli -h {result.Candidate.Endpoint.Host} -p {result.Candidate.Endpoint.Port} ping): a paused or overloaded server, a proxy that holds connections, or a TLS port spoken to in plain text (use rediss://). For a slow link raise {DiscoveryConfigurationKeys.HandshakeTimeout}.",
                        "the server itself does not answer",
                        "whoever runs that server"));
            }
            else if (result.Outcome == ProbeOutcome.NotRedis)
            {
                yield return new Finding(
                    FindingCodes.NotRedis,
                    severity,
                    $"{result.Candidate.Endpoint} is not Redis: it {WhatAnswered(result.Detail)}",
                    [CandidateRelevance.Describe(result), result.Detail],
                    (RemedyAction?)PinChosen(discovery, result) ?? new NoAutomaticRemedy(
                        $"Another service holds this address: point {DiscoveryConfigurationKeys.RedisUrlVariable} at the real Redis, or move that service off the port. If the server speaks only TLS, use rediss://.",
                        "where the real Redis is, is known only to whoever set it up",
                        "you, with the real Redis's address"));
            }
        }
    }

    /// <summary>
    /// When another candidate is a Redis that answered, pointing <c>REDIS_URL</c> at it is the remedy: discovery then
    /// probes only that endpoint, so the squatter or the silent peer no longer costs a probe. Without one, only whoever
    /// set up the real Redis knows where it is.
    /// </summary>
    private static SetRedisUrl? PinChosen(DiscoveryReport discovery, CandidateResult troubled) =>
        discovery.Chosen is { } chosen && chosen.Candidate.Endpoint != troubled.Candidate.Endpoint
            ? new SetRedisUrl(
                $"{(chosen.Candidate.UseTls ? "rediss" : "redis")}://{chosen.Candidate.Endpoint}",
                $"{chosen.Candidate.Endpoint} is the Redis that answered; pinned, discovery no longer probes {troubled.Candidate.Endpoint}")
            : null;
}
