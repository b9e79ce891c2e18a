using Heimnetz.Probing;

namespace Heimnetz.Cli.Commands;

/// <summary>Runs one probe end to end. Environment detection, discovery and the cache fill their sections as they land.</summary>
internal static class ProbeRunner
{
    public static Task<ProbeReport> RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var environment = new EnvironmentSection("unknown", null, "unknown", null, ["environment detection is not built yet"]);
        var discovery = new DiscoverySection([], null, 0);
        var cache = new CacheSection("memory", null) { Reason = "no Redis was chosen" };
        return Task.FromResult(new ProbeReport(ProbeReport.CurrentSchema, environment, discovery, cache));
    }
}
