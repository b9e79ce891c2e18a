using Heimnetz.Discovery;
using Heimnetz.Probing;

namespace Heimnetz.Tests.Discovery;

/// <summary>Small helpers shared by the discovery integration tests.</summary>
internal static class DiscoveryTestSupport
{
    public static RedisCandidate Candidate(RedisEndpoint endpoint, int priority = 0, RedisCredentials? credentials = null, string reason = "test") =>
        new(endpoint, credentials, false, CandidateSource.Config, priority, reason);

    public static RedisCandidate Candidate(string host, int port, int priority = 0, RedisCredentials? credentials = null) =>
        Candidate(new RedisEndpoint(host, port), priority, credentials);

    public static IReadOnlyList<RedisCandidate> Ranked(params RedisCandidate[] candidates) =>
        candidates.Select((candidate, index) => candidate with { Priority = index }).ToArray();

    public static async Task<DiscoveryReport> DiscoverAsync(IReadOnlyList<RedisCandidate> candidates, DiscoveryMode mode = DiscoveryMode.Complete, DiscoveryTimeouts? timeouts = null)
    {
        var report = await new RedisDiscovery(timeouts ?? DiscoveryTimeouts.Default).DiscoverAsync(candidates, mode);
        foreach (var result in report.Candidates)
        {
            TestContext.Out.WriteLine($"{result.Candidate.Endpoint,-24} {result.Outcome,-13} {result.Latency.TotalMilliseconds,8:0.00} ms  {result.Detail} | {result.Verdict}");
        }

        TestContext.Out.WriteLine($"chosen {report.Chosen?.Candidate.Endpoint.ToString() ?? "none"} after {report.Elapsed.TotalMilliseconds:0.00} ms");
        return report;
    }

    /// <summary>The report as the CLI would print it, to check that no secret reaches it.</summary>
    public static string AsJson(DiscoveryReport report) =>
        ProbeReportJson.Serialize(new ProbeReport(
            ProbeReport.CurrentSchema,
            new EnvironmentSection("none", null, "unknown", null, []),
            report.ToSection(),
            new CacheSection("memory", null)));
}
