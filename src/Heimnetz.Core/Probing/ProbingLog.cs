using Heimnetz.Discovery;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Probing;

/// <summary>
/// What the app logs about which candidates discovery probes and which Redis it chose: stable event ids
/// (2001–2003; the settings events 2004–2006 are in Hosting), endpoints as host:port, never a credential.
/// </summary>
internal static partial class ProbingLog
{
    [LoggerMessage(EventId = 2001, EventName = "DiscoveryMode", Level = LogLevel.Information, Message = "Redis discovery mode {Mode}: {Reason}")]
    private static partial void Mode(ILogger logger, string mode, string reason);

    [LoggerMessage(EventId = 2002, EventName = "DiscoveryChose", Level = LogLevel.Information, Message = "Redis discovery chose {Endpoint} ({Verdict}) among {Count} candidates in {ElapsedMs} ms; the others: {Others}")]
    private static partial void Chose(ILogger logger, string endpoint, string verdict, int count, double elapsedMs, string others);

    [LoggerMessage(EventId = 2003, EventName = "DiscoveryFoundNone", Level = LogLevel.Warning, Message = "Redis discovery found no usable Redis among {Count} candidates in {ElapsedMs} ms; the cache serves from memory. Candidates: {Others}")]
    private static partial void FoundNone(ILogger logger, int count, double elapsedMs, string others);

    /// <summary>Logs which candidates discovery probes and why.</summary>
    public static void Mode(ILogger logger, DiscoveryConfiguration configuration)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var mode = configuration.Scope.ToWireName();
            var reason = configuration.ScopeReason;
            Mode(logger, mode, reason);
        }
    }

    /// <summary>Logs the outcome of one discovery: the chosen endpoint and why every other candidate lost.</summary>
    public static void Decision(ILogger logger, DiscoveryReport report)
    {
        if (report.Chosen is { } chosen)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var endpoint = chosen.Candidate.Endpoint.ToString();
                var elapsed = Milliseconds(report);
                var others = Others(report);
                Chose(logger, endpoint, chosen.Verdict, report.Candidates.Count, elapsed, others);
            }
        }
        else if (logger.IsEnabled(LogLevel.Warning))
        {
            var elapsed = Milliseconds(report);
            var others = Others(report);
            FoundNone(logger, report.Candidates.Count, elapsed, others);
        }
    }

    private static double Milliseconds(DiscoveryReport report) => Math.Round(report.Elapsed.TotalMilliseconds, 1);

    private static string Others(DiscoveryReport report)
    {
        var others = report.Candidates
            .Where(result => !ReferenceEquals(result, report.Chosen))
            .Select(result => $"{result.Candidate.Endpoint} {result.Verdict}")
            .ToList();
        return others.Count == 0 ? "none" : string.Join("; ", others);
    }
}
