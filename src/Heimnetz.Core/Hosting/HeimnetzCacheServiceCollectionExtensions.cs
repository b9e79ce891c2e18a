using System.Diagnostics.Metrics;
using Heimnetz.Caching;
using Heimnetz.Discovery;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Heimnetz.Hosting;

/// <summary>Registers <see cref="ResilientCache"/> as the application's <see cref="IDistributedCache"/>.</summary>
public static class HeimnetzCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers the cache with options bound from <paramref name="configuration"/> (a <c>Heimnetz:Cache</c> section, or a root
    /// whose <c>Heimnetz:Cache</c> section is used), validated when the host starts.
    /// </summary>
    public static IServiceCollection AddHeimnetzCache(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration as IConfigurationSection ?? configuration.GetSection(HeimnetzCacheDefaults.SectionName);
        services.AddOptions<HeimnetzCacheOptions>().Bind(section).ValidateOnStart();
        return AddCore(services, section.Path);
    }

    /// <summary>Registers the cache with options set in code, validated when the host starts.</summary>
    public static IServiceCollection AddHeimnetzCache(this IServiceCollection services, Action<HeimnetzCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<HeimnetzCacheOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services, HeimnetzCacheDefaults.SectionName);
    }

    private static IServiceCollection AddCore(IServiceCollection services, string sectionPath)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HeimnetzCacheOptions>>(new HeimnetzCacheOptionsValidator(sectionPath)));
        services.TryAddSingleton(TimeProvider.System);

        // Discovery registers its own locator; without one, the configured endpoint (or none) is used.
        services.TryAddSingleton<IRedisLocator>(provider => LocatorFrom(provider.GetRequiredService<IOptions<HeimnetzCacheOptions>>().Value, sectionPath));
        services.TryAddSingleton(provider => new ResilientCache(
            provider.GetRequiredService<IRedisLocator>(),
            provider.GetRequiredService<IOptions<HeimnetzCacheOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ResilientCache>>(),
            provider.GetService<IMeterFactory>()));
        services.TryAddSingleton<IDistributedCache>(provider => provider.GetRequiredService<ResilientCache>());
        return services;
    }

    private static IRedisLocator LocatorFrom(HeimnetzCacheOptions options, string sectionPath)
    {
        if (options.Endpoint is null)
        {
            return NoRedisLocator.Instance;
        }

        var endpoint = FixedRedisLocator.ParseEndpoint(options.Endpoint, $"'{sectionPath}:{nameof(options.Endpoint)}'");
        var credentials = options.Password is null ? null : new RedisCredentials(null, options.Password);
        return new FixedRedisLocator(endpoint, credentials, options.UseTls);
    }

    /// <summary>Used when neither discovery nor an endpoint is configured: the cache stays in memory and says why.</summary>
    private sealed class NoRedisLocator : IRedisLocator
    {
        public static readonly NoRedisLocator Instance = new();

        public ValueTask<RedisLocation?> LocateAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<RedisLocation?>(null);
    }
}
