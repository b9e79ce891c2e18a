using System.Diagnostics.Metrics;
using Heimnetz.Caching;
using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Hosting;
using Heimnetz.Probing;
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
    /// whose <c>Heimnetz:Cache</c> section is used), validated when the host starts. Discovery reads <c>Heimnetz:Redis</c> and the
    /// Redis environment variables from a root passed here; from a section, it reads the host's configuration instead.
    /// </summary>
    public static IServiceCollection AddHeimnetzCache(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration as IConfigurationSection ?? configuration.GetSection(HeimnetzCacheDefaults.SectionName);
        services.AddOptions<HeimnetzCacheOptions>().Bind(section).ValidateOnStart();
        return AddCore(services, section.Path, configuration is IConfigurationSection ? null : configuration);
    }

    /// <summary>
    /// Registers the cache with options set in code, validated when the host starts. Discovery reads <c>Heimnetz:Redis</c> and
    /// the Redis environment variables from the host's configuration, or from the process environment when there is none.
    /// </summary>
    public static IServiceCollection AddHeimnetzCache(this IServiceCollection services, Action<HeimnetzCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<HeimnetzCacheOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services, HeimnetzCacheDefaults.SectionName, passed: null);
    }

    private static IServiceCollection AddCore(IServiceCollection services, string sectionPath, IConfiguration? passed)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HeimnetzCacheOptions>>(new HeimnetzCacheOptionsValidator(sectionPath)));
        services.TryAddSingleton(TimeProvider.System);

        // Heimnetz:Redis as options: bound from the chosen source, changeable in code after this call, checked at start.
        services.TryAddSingleton(provider => DiscoverySettingsSource.Choose(passed, provider.GetService<IConfiguration>()));
        services.AddOptions<HeimnetzRedisOptions>()
            .Configure<DiscoverySettingsSource>((options, source) => options.Bind(source.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HeimnetzRedisOptions>, HeimnetzRedisOptionsValidator>());

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
        var source = provider.GetRequiredService<DiscoverySettingsSource>();
        var redis = provider.GetRequiredService<IOptions<HeimnetzRedisOptions>>().Value;
        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(ProbePipeline)) ?? NullLogger.Instance;
        if (source.IsProcessEnvironment)
        {
            HostingLog.SettingsFromProcessEnvironment(logger, source.Description);
        }
        else
        {
            HostingLog.SettingsSource(logger, source.Description);
        }

        if (options.Endpoint is null)
        {
            var discovery = DiscoveryConfiguration.From(source.Configuration, redis);
            return ProbePipeline.Prepare(Sysroot.Live, discovery, provider.GetService<TimeProvider>(), logger).CreateLocator();
        }

        var endpoint = FixedRedisLocator.ParseEndpoint(options.Endpoint, $"'{sectionPath}:{nameof(options.Endpoint)}'");
        var credentials = options.Password is null ? null : new RedisCredentials(options.Username, options.Password);

        // A fixed TLS endpoint trusts the same CA file as discovery (HEIMNETZ_REDIS_TLS_CA / Heimnetz:Redis:TlsCaFile).
        var tlsTrust = options.UseTls ? DiscoveryConfiguration.ReadTlsTrust(redis.Over(source.Configuration)) : null;
        return new FixedRedisLocator(new RedisLocation(endpoint, credentials, options.UseTls) { TlsTrust = tlsTrust });
    }
}
