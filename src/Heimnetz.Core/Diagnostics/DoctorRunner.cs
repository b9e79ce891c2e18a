using Heimnetz.Diagnostics.Checks;
using Heimnetz.Discovery;
using Heimnetz.Probing;
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
        var pipeline = await ProbePipeline.PrepareAsync(sysroot, configuration, clock, cancellationToken: cancellationToken).ConfigureAwait(false);
        var environment = pipeline.Environment;

        // Discovery first and alone: its timeouts are short, and a compose process starting beside it on a small machine
        // would steal the time a ready Redis needs to answer. The slower checks then run together. A replay discovers nothing.
        if (await pipeline.DiscoverAsync(cancellationToken).ConfigureAwait(false) is not { } discovery)
        {
            return Diagnose(new DoctorContext(environment, pipeline.Configuration, null, EngineProbeResult.Skipped, ComposeProbeResult.Skipped, []));
        }

        var engine = engineProbe?.ProbeAsync(configuration, environment.Container != ContainerKind.None, cancellationToken) ?? Task.FromResult(EngineProbeResult.NotChecked);
        var compose = ComposeProbe.ProbeAsync(configuration["PATH"], clock, cancellationToken);
        var names = pipeline.CatalogContext.IsContainer
            ? ServiceNameResolver.ResolveAsync(ServiceNameResolver.ComposeServiceNames, clock, cancellationToken)
            : Task.FromResult<IReadOnlyList<NameResolution>>([]);
        await Task.WhenAll(engine, compose, names).ConfigureAwait(false);

        var context = new DoctorContext(environment, pipeline.Configuration, discovery, await engine.ConfigureAwait(false), await compose.ConfigureAwait(false), await names.ConfigureAwait(false));
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
