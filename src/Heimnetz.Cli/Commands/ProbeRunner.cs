using Heimnetz.Discovery;
using Heimnetz.Probing;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Commands;

/// <summary>Runs one probe end to end. Environment detection, discovery and the cache fill their sections as they land.</summary>
internal static class ProbeRunner
{
    /// <summary>Runs the probe; a bad Redis setting throws <see cref="Heimnetz.Configuration.HeimnetzConfigurationException"/> before anything is probed.</summary>
    public static async Task<ProbeReport> RunAsync(CancellationToken cancellationToken)
    {
        var environment = new EnvironmentSection("unknown", null, "unknown", null, ["environment detection is not built yet"]);
        var discovery = await DiscoverAsync(CatalogContext.Host, cancellationToken).ConfigureAwait(false);
        var cache = new CacheSection("memory", null) { Reason = "no Redis was chosen" };
        return new ProbeReport(ProbeReport.CurrentSchema, environment, discovery, cache);
    }

    // The catalog context is a plain host until environment detection maps its RuntimeEnvironment onto CatalogContext.
    private static async Task<DiscoverySection> DiscoverAsync(CatalogContext context, CancellationToken cancellationToken)
    {
        var configuration = DiscoveryConfiguration.From(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        var candidates = CandidateCatalog.Build(context, configuration);
        var report = await new RedisDiscovery(configuration.Timeouts).DiscoverAsync(candidates, DiscoveryMode.Complete, cancellationToken).ConfigureAwait(false);
        return report.ToSection();
    }
}
