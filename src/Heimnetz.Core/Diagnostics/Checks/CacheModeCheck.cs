using System.Globalization;
using Heimnetz.Discovery;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>No usable Redis: the cache would run in memory mode. Says why, from what the candidates answered.</summary>
internal sealed class CacheModeCheck : IDoctorCheck
{
    public IEnumerable<Finding> Run(DoctorContext context)
    {
        if (context.Discovery is not { } discovery || discovery.Chosen is not null)
        {
            yield break;
        }

        var counts = discovery.Candidates
            .GroupBy(result => result.Outcome)
            .OrderBy(group => group.Key)
            .Select(group => string.Create(CultureInfo.InvariantCulture, $"{group.Count()} {group.Key.ToWireName()}"));
        var observed = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{discovery.Candidates.Count} candidates probed: {string.Join(", ", counts)}"),
        };

        var refusing = discovery.Candidates.Where(result => result.Outcome is ProbeOutcome.AuthRequired or ProbeOutcome.AuthFailed).ToList();
        var squatters = discovery.Candidates.Where(result => result.Outcome is ProbeOutcome.NotRedis or ProbeOutcome.Timeout).ToList();
        string title;
        RemedyAction remedy;
        if (refusing.Count > 0)
        {
            observed.AddRange(refusing.Select(result => $"{result.Candidate.Endpoint} is a Redis, but {result.Outcome.ToWireName()}"));
            title = "The cache would run in memory mode: Redis is reachable but refuses our credentials";
            remedy = new NoAutomaticRemedy("Fix the credentials (see auth-required / auth-failed); the cache switches to Redis once a candidate is ready.", "needs the password", "whoever knows that server's password");
        }
        else if (discovery.Candidates.Where(result => result.Candidate.UseTls && result.Detail.StartsWith(TlsDiagnosis.Prefix, StringComparison.Ordinal)).ToList() is { Count: > 0 } tls)
        {
            observed.AddRange(tls.Select(result => $"{result.Candidate.Endpoint}: {result.Detail}"));
            title = "The cache would run in memory mode: the TLS handshake with Redis failed";
            remedy = new NoAutomaticRemedy("See tls-failed: trust the server's CA with HEIMNETZ_REDIS_TLS_CA, or use the scheme the port speaks.", "needs the server's CA certificate or its TLS setup", "you, with the CA file from whoever runs that server");
        }
        else if (squatters.Count > 0)
        {
            observed.AddRange(squatters.Select(result => $"{result.Candidate.Endpoint}: {result.Outcome.ToWireName()}"));
            title = "The cache would run in memory mode: something answered, but no Redis";
            remedy = context.InContainerNetwork
                ? new NoAutomaticRemedy("See not-redis / peer-timeout: free the port or point REDIS_URL at the real Redis.", "only the host can see what holds the port", "you, on the host (heimnetz doctor there names the owner)")
                : new StartDevelopmentRedis(PortOwnerCheck.FirstUnheldPort(discovery, context.Engine.PublishedPorts));
        }
        else
        {
            title = discovery.Candidates.Count == 0
                ? "The cache would run in memory mode: there is no candidate to probe"
                : "The cache would run in memory mode: no Redis answered at any candidate";
            remedy = new StartDevelopmentRedis(PortOwnerCheck.FirstUnheldPort(discovery, context.Engine.PublishedPorts));
        }

        yield return new Finding(FindingCodes.CacheMemoryMode, FindingSeverity.Error, title, observed, remedy);
    }
}
