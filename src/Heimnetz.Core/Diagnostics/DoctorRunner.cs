using Heimnetz.Diagnostics.Checks;
using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Diagnostics;

/// <summary>
/// Gathers everything once (environment, candidates, engine, compose, service names), runs every check on it, and
/// decides the verdict. Configuration comes in as an <see cref="IConfiguration"/> so callers (and tests) choose it.
/// </summary>
public static class DoctorRunner
{
    /// <summary>
    /// Runs the doctor; a bad Redis setting throws <see cref="Heimnetz.Configuration.HeimnetzConfigurationException"/>
    /// before anything is probed. A non-live <paramref name="sysroot"/> is a replay: nothing live is probed. Without an
    /// <paramref name="engineProbe"/> the engine check reports <see cref="FindingCodes.EngineNotChecked"/>.
    /// </summary>
    public static async Task<DoctorReport> RunAsync(Sysroot sysroot, IConfiguration configuration, TimeProvider? timeProvider = null, IEngineProbe? engineProbe = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sysroot);
        ArgumentNullException.ThrowIfNull(configuration);
        var clock = timeProvider ?? TimeProvider.System;
        var discoveryConfiguration = DiscoveryConfiguration.From(configuration);
        var environment = await EnvironmentDetector.DetectAsync(sysroot, cancellationToken).ConfigureAwait(false);
        if (!sysroot.IsLive)
        {
            return Diagnose(new DoctorContext(environment, discoveryConfiguration, null, EngineProbeResult.Skipped, ComposeProbeResult.Skipped, []));
        }

        var catalogContext = environment.ToCatalogContext();
        var candidates = CandidateCatalog.Build(catalogContext, discoveryConfiguration);
        // Discovery first and alone: its timeouts are short, and a compose process starting beside it on a small machine
        // would steal the time a ready Redis needs to answer. The slower checks then run together.
        var discovery = await new RedisDiscovery(discoveryConfiguration.Timeouts, clock).DiscoverAsync(candidates, DiscoveryMode.Complete, cancellationToken).ConfigureAwait(false);
        var engine = engineProbe?.ProbeAsync(configuration, environment.Container != ContainerKind.None, cancellationToken) ?? Task.FromResult(EngineProbeResult.NotChecked);
        var compose = ComposeProbe.ProbeAsync(configuration["PATH"], clock, cancellationToken);
        var names = catalogContext.IsContainer
            ? ServiceNameResolver.ResolveAsync(ServiceNameResolver.ComposeServiceNames, clock, cancellationToken)
            : Task.FromResult<IReadOnlyList<NameResolution>>([]);
        await Task.WhenAll(engine, compose, names).ConfigureAwait(false);

        var context = new DoctorContext(environment, discoveryConfiguration, discovery, await engine.ConfigureAwait(false), await compose.ConfigureAwait(false), await names.ConfigureAwait(false));
        return Diagnose(context);
    }

    /// <summary>Runs every check on a gathered context, masks every configured password, and decides the verdict.</summary>
    public static DoctorReport Diagnose(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = DoctorChecks.All.SelectMany(check => check.Run(context)).ToList();
        var scrubbed = FindingScrubber.Scrub(findings, Secrets(context.Configuration));
        return new DoctorReport(DoctorReport.Decide(context, scrubbed), scrubbed);
    }

    private static List<string> Secrets(DiscoveryConfiguration configuration) =>
        configuration.Configured.Concat(configuration.ReplacementCandidates ?? [])
            .Select(candidate => candidate.Credentials?.Password)
            .Append(configuration.FallbackCredentials?.Password)
            .OfType<string>()
            .ToList();
}
