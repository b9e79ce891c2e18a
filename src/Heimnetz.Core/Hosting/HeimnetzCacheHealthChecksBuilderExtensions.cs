using Heimnetz.Caching;
using Heimnetz.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// Where users look for Add… methods, as Microsoft's own extensions and FusionCache do.
namespace Microsoft.Extensions.DependencyInjection;

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
