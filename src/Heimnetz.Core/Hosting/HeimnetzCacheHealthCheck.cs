using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.Probing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Heimnetz.Hosting;

/// <summary>Healthy while <see cref="ResilientCache"/> serves from Redis, Degraded (with the reason) while it serves from memory.</summary>
public sealed class HeimnetzCacheHealthCheck : IHealthCheck
{
    private readonly ResilientCache cache;
    private readonly IRedisLocator? locator;

    /// <summary>Creates the check for one cache; with its <paramref name="locator"/>, the data also names the discovery mode.</summary>
    public HeimnetzCacheHealthCheck(ResilientCache cache, IRedisLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        this.cache = cache;
        this.locator = locator;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = cache.Status;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["mode"] = status.Mode == CacheMode.Redis ? "redis" : "memory",
            ["endpoint"] = status.Endpoint ?? string.Empty,
            ["runId"] = status.RunId ?? string.Empty,
        };
        if (((locator as LoggedDiscoveryLocator)?.Discovery ?? locator as DiscoveryRedisLocator) is { } discovery)
        {
            data["discoveryMode"] = discovery.Scope.ToWireName();
            data["discoveryModeReason"] = discovery.ScopeReason;
        }
        else if (locator is FixedRedisLocator)
        {
            data["discoveryMode"] = "fixed";
            data["discoveryModeReason"] = $"{HeimnetzCacheDefaults.SectionName}:Endpoint is set, so only that endpoint is used";
        }

        var result = status.Mode == CacheMode.Redis
            ? HealthCheckResult.Healthy($"Cache on Redis {status.Endpoint}: {status.Reason}", data)
            : HealthCheckResult.Degraded($"Cache on memory: {status.Reason}", data: data);
        return Task.FromResult(result);
    }
}
