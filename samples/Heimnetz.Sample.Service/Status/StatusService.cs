using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Probing;

namespace Heimnetz.Sample.Service.Status;

/// <summary>Builds <see cref="StatusDocument"/> from the live cache, its locator and the environment detected once at start.</summary>
internal sealed class StatusService
{
    private readonly ResilientCache cache;
    private readonly IRedisLocator locator;
    private readonly TimeProvider timeProvider;
    private readonly Lazy<EnvironmentSection> environment = new(() => EnvironmentSectionMapper.ToSection(EnvironmentDetector.Detect(Sysroot.Live)));

    public StatusService(ResilientCache cache, IRedisLocator locator, TimeProvider timeProvider)
    {
        this.cache = cache;
        this.locator = locator;
        this.timeProvider = timeProvider;
        StartedAt = timeProvider.GetUtcNow();
    }

    public DateTimeOffset StartedAt { get; }

    public StatusDocument Current()
    {
        var now = timeProvider.GetUtcNow();
        var status = cache.Status;
        return new StatusDocument(
            StatusDocument.CurrentSchema,
            new ServiceSection(StartedAt, Math.Round((now - StartedAt).TotalSeconds, 1)),
            environment.Value,
            Discovery(),
            new StatusCacheSection(
                WireName(status.Mode),
                status.Endpoint,
                status.Reason,
                [.. status.Transitions.Select(transition => new StatusTransition(WireName(transition.From), WireName(transition.To), transition.Timestamp, transition.Reason, transition.Endpoint))]));
    }

    public static string WireName(CacheMode mode) => mode == CacheMode.Redis ? "redis" : "memory";

    private StatusDiscoverySection Discovery() => locator switch
    {
        LoggedDiscoveryLocator logged => Describe(logged.Discovery),
        DiscoveryRedisLocator discovery => Describe(discovery),
        FixedRedisLocator => new StatusDiscoverySection("fixed", $"{HeimnetzCacheDefaults.SectionName}:Endpoint is set, so only that endpoint is used", null),
        _ => new StatusDiscoverySection("custom", $"the application registered its own {nameof(IRedisLocator)}", null),
    };

    private static StatusDiscoverySection Describe(DiscoveryRedisLocator discovery) => new(
            discovery.Scope.ToWireName(),
            discovery.ScopeReason,
            discovery.LastReport?.ToSection() is { } report ? report with { Mode = discovery.Scope.ToWireName(), ModeReason = discovery.ScopeReason } : null);
}
