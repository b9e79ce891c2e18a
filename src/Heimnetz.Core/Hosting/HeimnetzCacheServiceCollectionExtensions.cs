using System.Diagnostics.Metrics;
using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Hosting;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Where users look for Add… methods, as Microsoft's own extensions and FusionCache do.
namespace Microsoft.Extensions.DependencyInjection;

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

        // A locator registered before this call wins; else the configured endpoint; else discovery in the live environment.
        services.TryAddSingleton<IRedisLocator>(provider => LocatorFrom(provider, sectionPath));
        services.TryAddSingleton(provider => new ResilientCache(
            provider.GetRequiredService<IRedisLocator>(),
            provider.GetRequiredService<IOptions<HeimnetzCacheOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ResilientCache>>(),
            provider.GetService<IMeterFactory>()));
        services.TryAddSingleton<IDistributedCache>(provider => provider.GetRequiredService<ResilientCache>());
        return services;
    }

    private static IRedisLocator LocatorFrom(IServiceProvider provider, string sectionPath)
    {
        var options = provider.GetRequiredService<IOptions<HeimnetzCacheOptions>>().Value;
        var configuration = provider.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build();
        if (options.Endpoint is null)
        {
            // REDIS_URL, REDIS_PASSWORD, HEIMNETZ_REDIS_CANDIDATES and Heimnetz:Redis:* come from the app's configuration.
            var environment = EnvironmentDetector.Detect(Sysroot.Live);
            var discovery = DiscoveryConfiguration.From(configuration);
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(DiscoveryRedisLocator)) ?? NullLogger.Instance;
            var mode = discovery.Scope.ToWireName();
            var why = discovery.ScopeReason;
            DiscoveryLog.Mode(logger, mode, why);
            return new DiscoveryRedisLocator(environment.ToCatalogContext(), discovery, provider.GetService<TimeProvider>());
        }

        var endpoint = FixedRedisLocator.ParseEndpoint(options.Endpoint, $"'{sectionPath}:{nameof(options.Endpoint)}'");
        var credentials = options.Password is null ? null : new RedisCredentials(null, options.Password);

        // A fixed TLS endpoint trusts the same CA file as discovery (HEIMNETZ_REDIS_TLS_CA / Heimnetz:Redis:TlsCaFile).
        var tlsTrust = options.UseTls ? DiscoveryConfiguration.ReadTlsTrust(configuration) : null;
        return new FixedRedisLocator(new RedisLocation(endpoint, credentials, options.UseTls) { TlsTrust = tlsTrust });
    }
}
