using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heimnetz.Probing;

/// <summary>
/// The one way from a system to a working cache: detect the environment, read the Redis settings, build the candidate
/// catalog, discover, check the cache. <c>heimnetz probe</c>, <c>doctor</c>, <c>watch</c> and <c>AddHeimnetzCache</c>
/// all start here, so they see the same candidates with the same credentials and TLS trust.
/// </summary>
public sealed class ProbePipeline
{
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    private ProbePipeline(Sysroot sysroot, RuntimeEnvironment environment, DiscoveryConfiguration configuration, TimeProvider? timeProvider, ILogger? logger)
    {
        Sysroot = sysroot;
        Environment = environment;
        Configuration = configuration;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        CatalogContext = environment.ToCatalogContext();
        Candidates = CandidateCatalog.Build(CatalogContext, configuration);
        ProbingLog.Mode(this.logger, configuration);
    }

    /// <summary>The system read: <see cref="Sysroot.Live"/>, or a captured bundle that is replayed and never probed.</summary>
    public Sysroot Sysroot { get; }

    /// <summary>Where this process runs, as detected through <see cref="Sysroot"/>.</summary>
    public RuntimeEnvironment Environment { get; }

    /// <summary>The Redis settings, read and validated once.</summary>
    public DiscoveryConfiguration Configuration { get; }

    /// <summary>What the catalog needs to know about the environment.</summary>
    public CatalogContext CatalogContext { get; }

    /// <summary>The candidates discovery probes, highest priority first, each with the credentials it may receive.</summary>
    public IReadOnlyList<RedisCandidate> Candidates { get; }

    /// <summary>
    /// Detects the environment and reads the Redis settings from <paramref name="configuration"/>; a bad setting throws
    /// <see cref="Heimnetz.Configuration.HeimnetzConfigurationException"/> before anything is detected or probed.
    /// </summary>
    public static Task<ProbePipeline> PrepareAsync(Sysroot sysroot, IConfiguration configuration, TimeProvider? timeProvider = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return PrepareAsync(sysroot, DiscoveryConfiguration.From(configuration), timeProvider, logger, cancellationToken);
    }

    /// <summary>Detects the environment for settings already read (e.g. bound options).</summary>
    public static async Task<ProbePipeline> PrepareAsync(Sysroot sysroot, DiscoveryConfiguration configuration, TimeProvider? timeProvider = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sysroot);
        ArgumentNullException.ThrowIfNull(configuration);
        var environment = await EnvironmentDetector.DetectAsync(sysroot, cancellationToken).ConfigureAwait(false);
        return new ProbePipeline(sysroot, environment, configuration, timeProvider, logger);
    }

    /// <summary>The synchronous twin of <see cref="PrepareAsync(Sysroot, DiscoveryConfiguration, TimeProvider?, ILogger?, CancellationToken)"/>, for DI factories.</summary>
    public static ProbePipeline Prepare(Sysroot sysroot, DiscoveryConfiguration configuration, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sysroot);
        ArgumentNullException.ThrowIfNull(configuration);
        return new ProbePipeline(sysroot, EnvironmentDetector.Detect(sysroot), configuration, timeProvider, logger);
    }

    /// <summary>Probes every candidate to the end and logs the decision; null for a replayed capture, whose network is not this one.</summary>
    public async Task<DiscoveryReport?> DiscoverAsync(CancellationToken cancellationToken = default)
    {
        if (!Sysroot.IsLive)
        {
            return null;
        }

        var report = await new RedisDiscovery(Configuration.Timeouts, timeProvider).DiscoverAsync(Candidates, DiscoveryMode.Complete, cancellationToken).ConfigureAwait(false);
        ProbingLog.Decision(logger, report);
        return report;
    }

    /// <summary>The whole probe: environment, discovery, and a real set-and-get through the cache on what was chosen.</summary>
    public async Task<ProbeReport> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var environment = EnvironmentSectionMapper.ToSection(Environment);
        if (await DiscoverAsync(cancellationToken).ConfigureAwait(false) is not { } found)
        {
            // A capture describes another machine's network: its gateway and names mean nothing here, so nothing is probed.
            var replay = new CacheSection("memory", null) { Reason = "replayed capture: candidates are not probed from this machine" };
            return new ProbeReport(ProbeReport.CurrentSchema, environment, new DiscoverySection([], null, 0), replay);
        }

        var chosen = found.Chosen is { } result ? RedisLocation.Of(result.Candidate, result.Server?.RunId) : null;
        var cache = found.Chosen is null && found.Inconclusive
            ? new CacheSection("memory", null) { Reason = "discovery was inconclusive: this process was starved of CPU before a candidate could answer (see the candidates); the cache would start in memory and probe again by itself" }
            : await CacheCheck.RunAsync(chosen, cancellationToken).ConfigureAwait(false);
        var discovery = found.ToSection() with { Mode = Configuration.Scope.ToWireName(), ModeReason = Configuration.ScopeReason };
        return new ProbeReport(ProbeReport.CurrentSchema, environment, discovery, cache);
    }

    /// <summary>A locator for a long-running cache: discovery over <see cref="Candidates"/> at start and on every recovery, each decision logged.</summary>
    public LoggedDiscoveryLocator CreateLocator() =>
        new LoggedDiscoveryLocator(new DiscoveryRedisLocator(CatalogContext, Configuration, timeProvider), logger);

    /// <summary>
    /// A locator that always answers <paramref name="endpoint"/>, with the configured fallback credentials
    /// (<c>REDIS_USERNAME</c>/<c>REDIS_PASSWORD</c>) and TLS trust, for a cache told where Redis is.
    /// </summary>
    public IRedisLocator CreateFixedLocator(RedisEndpoint endpoint, bool useTls = false)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new FixedRedisLocator(new RedisLocation(endpoint, Configuration.FallbackCredentials, useTls) { TlsTrust = Configuration.TlsTrust });
    }
}
