using Heimnetz.Discovery;

namespace Heimnetz.Caching;

/// <summary>
/// An <see cref="IRedisLocator"/> that runs discovery each time it is asked and returns the chosen candidate with
/// its own credentials. It stops probing as soon as the choice is certain, so a live Redis is found quickly.
/// </summary>
public sealed class DiscoveryRedisLocator : IRedisLocator
{
    private readonly IReadOnlyList<RedisCandidate> candidates;
    private readonly RedisDiscovery discovery;
    private DiscoveryReport? lastReport;

    /// <summary>Locates among explicit candidates.</summary>
    public DiscoveryRedisLocator(IReadOnlyList<RedisCandidate> candidates, DiscoveryTimeouts timeouts, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        this.candidates = candidates;
        discovery = new RedisDiscovery(timeouts, timeProvider);
    }

    /// <summary>Locates among the catalog for <paramref name="context"/> and <paramref name="configuration"/>.</summary>
    public DiscoveryRedisLocator(CatalogContext context, DiscoveryConfiguration configuration, TimeProvider? timeProvider = null)
        : this(CandidateCatalog.Build(context, configuration), configuration?.Timeouts ?? DiscoveryTimeouts.Default, timeProvider)
    {
        Scope = configuration!.Scope;
        ScopeReason = configuration.ScopeReason;
    }

    /// <summary>Which candidates it probes, at start and on every recovery; explicit candidates count as configured.</summary>
    public CandidateScope Scope { get; } = CandidateScope.Configured;

    /// <summary>Why <see cref="Scope"/> applies.</summary>
    public string ScopeReason { get; } = "the candidates were given in code";

    /// <summary>The report of the most recent <see cref="LocateAsync"/>, for diagnostics; null before the first.</summary>
    public DiscoveryReport? LastReport => Volatile.Read(ref lastReport);

    /// <inheritdoc />
    public async ValueTask<RedisLocation?> LocateAsync(CancellationToken cancellationToken = default)
    {
        var report = await discovery.DiscoverAsync(candidates, DiscoveryMode.FirstChoice, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref lastReport, report);
        return report.Chosen is { } chosen
            ? RedisLocation.Of(chosen.Candidate, chosen.Server?.RunId)
            : null;
    }
}
