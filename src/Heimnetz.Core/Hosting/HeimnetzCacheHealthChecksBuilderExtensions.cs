using Heimnetz.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Heimnetz.Hosting;

/// <summary>Adds <see cref="HeimnetzCacheHealthCheck"/> to the health checks.</summary>
public static class HeimnetzCacheHealthChecksBuilderExtensions
{
    /// <summary>Adds the cache health check under <paramref name="name"/>; it needs <c>AddHeimnetzCache</c> on the services.</summary>
    public static IHealthChecksBuilder AddHeimnetzCache(this IHealthChecksBuilder builder, string name = "heimnetz-cache", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new HeimnetzCacheHealthCheck(provider.GetRequiredService<ResilientCache>(), provider.GetService<IRedisLocator>()),
            HealthStatus.Degraded,
            tags));
    }
}
