using Heimnetz.Caching;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Heimnetz.Hosting;

/// <summary>Healthy while <see cref="ResilientCache"/> serves from Redis, Degraded (with the reason) while it serves from memory.</summary>
public sealed class HeimnetzCacheHealthCheck : IHealthCheck
{
    private readonly ResilientCache cache;

    /// <summary>Creates the check for one cache.</summary>
    public HeimnetzCacheHealthCheck(ResilientCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        this.cache = cache;
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
        var result = status.Mode == CacheMode.Redis
            ? HealthCheckResult.Healthy($"Cache on Redis {status.Endpoint}: {status.Reason}", data)
            : HealthCheckResult.Degraded($"Cache on memory: {status.Reason}", data: data);
        return Task.FromResult(result);
    }
}
