using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Probing;

namespace Heimnetz.Cli.Commands;

/// <summary>Runs one probe end to end: where we run, which Redis answers, and whether the cache works on it.</summary>
internal static class ProbeRunner
{
    /// <summary>Runs the probe; a bad Redis setting throws <see cref="Heimnetz.Configuration.HeimnetzConfigurationException"/> before anything is probed.</summary>
    public static async Task<ProbeReport> RunAsync(Sysroot sysroot, CancellationToken cancellationToken)
    {
        var setup = await LiveSetup.CreateAsync(sysroot, cancellationToken).ConfigureAwait(false);
        var environment = EnvironmentSectionMapper.ToSection(setup.Environment);
        if (!sysroot.IsLive)
        {
            // A capture describes another machine's network: its gateway and names mean nothing here, so nothing is probed.
            var replay = new CacheSection("memory", null) { Reason = "replayed capture: candidates are not probed from this machine" };
            return new ProbeReport(ProbeReport.CurrentSchema, environment, new DiscoverySection([], null, 0), replay);
        }

        var found = await new RedisDiscovery(setup.Configuration.Timeouts).DiscoverAsync(setup.Candidates(), DiscoveryMode.Complete, cancellationToken).ConfigureAwait(false);
        var chosen = found.Chosen is { } result
            ? RedisLocation.Of(result.Candidate, result.Server?.RunId)
            : null;
        var cache = found.Chosen is null && found.Inconclusive
            ? new CacheSection("memory", null) { Reason = "discovery was inconclusive: this process was starved of CPU before a candidate could answer (see the candidates); the cache would start in memory and probe again by itself" }
            : await CacheCheck.RunAsync(chosen, cancellationToken).ConfigureAwait(false);
        var discovery = found.ToSection() with { Mode = setup.Configuration.Scope.ToWireName(), ModeReason = setup.Configuration.ScopeReason };
        return new ProbeReport(ProbeReport.CurrentSchema, environment, discovery, cache);
    }
}
