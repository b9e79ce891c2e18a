using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Probing;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Commands;

/// <summary>Runs one probe end to end: where we run, which Redis answers, and what the cache would do with it.</summary>
internal static class ProbeRunner
{
    /// <summary>Runs the probe; a bad Redis setting throws <see cref="Heimnetz.Configuration.HeimnetzConfigurationException"/> before anything is probed.</summary>
    public static async Task<ProbeReport> RunAsync(Sysroot sysroot, CancellationToken cancellationToken)
    {
        var configuration = DiscoveryConfiguration.From(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        var detected = await EnvironmentDetector.DetectAsync(sysroot, cancellationToken).ConfigureAwait(false);
        var environment = EnvironmentSectionMapper.ToSection(detected);
        if (!sysroot.IsLive)
        {
            // A capture describes another machine's network: its gateway and names mean nothing here, so nothing is probed.
            var replay = new CacheSection("memory", null) { Reason = "replayed capture: candidates are not probed from this machine" };
            return new ProbeReport(ProbeReport.CurrentSchema, environment, new DiscoverySection([], null, 0), replay);
        }

        var candidates = CandidateCatalog.Build(detected.ToCatalogContext(), configuration);
        var found = await new RedisDiscovery(configuration.Timeouts).DiscoverAsync(candidates, DiscoveryMode.Complete, cancellationToken).ConfigureAwait(false);
        var cache = new CacheSection("memory", null) { Reason = found.Chosen is null ? "no Redis was chosen" : "the cache check is not built yet" };
        return new ProbeReport(ProbeReport.CurrentSchema, environment, found.ToSection(), cache);
    }
}
