using Heimnetz.Probing;

namespace Heimnetz.Discovery;

/// <summary>Maps a <see cref="DiscoveryReport"/> onto the probe report contract (<see cref="DiscoverySection"/>).</summary>
public static class DiscoveryReportMapper
{
    /// <summary>The contract section; a ready candidate that lost says so in its detail.</summary>
    public static DiscoverySection ToSection(this DiscoveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var candidates = report.Candidates.Select(result => new CandidateSection(
            result.Candidate.Endpoint.ToString(),
            result.Candidate.Source.ToWireName(),
            result.Outcome.ToWireName(),
            Math.Round(result.Latency.TotalMilliseconds, 2),
            result.Outcome == ProbeOutcome.Ready && !ReferenceEquals(result, report.Chosen) ? $"{result.Detail}; {result.Verdict}" : result.Detail)
        {
            Reason = result.Candidate.Reason,
            Server = result.Server is { } server ? new ServerIdentitySection(server.Product, server.Version, server.RunId) : null,
            Attempts = result.Attempts,
        }).ToArray();
        return new DiscoverySection(candidates, report.Chosen?.Candidate.Endpoint.ToString(), Math.Round(report.Elapsed.TotalMilliseconds, 2))
        {
            StarvedMs = Math.Round(report.Starved.TotalMilliseconds, 2),
            WorstDelayMs = Math.Round(report.WorstDelay.TotalMilliseconds, 2),
        };
    }
}
