using Microsoft.Extensions.Configuration;

namespace Heimnetz.Hosting;

/// <summary>
/// Where discovery's settings come from, and the words the start-up log uses for it: the configuration passed to
/// <c>AddHeimnetzCache</c>, else the host's, else (a plain <c>ServiceCollection</c>) the process environment.
/// </summary>
internal sealed record DiscoverySettingsSource(IConfiguration Configuration, string Description, bool IsProcessEnvironment)
{
    /// <summary>Chooses the source: <paramref name="passed"/> (a configuration root) first, then <paramref name="registered"/>.</summary>
    public static DiscoverySettingsSource Choose(IConfiguration? passed, IConfiguration? registered) =>
        passed is not null ? new(passed, "the configuration passed to AddHeimnetzCache", false)
        : registered is not null ? new(registered, "the host's IConfiguration", false)
        : new(new ConfigurationBuilder().AddEnvironmentVariables().Build(), "the process environment", true);

    /// <summary>The <c>Heimnetz:Redis</c> section of this source.</summary>
    public IConfigurationSection Section => Configuration.GetSection(Heimnetz.Discovery.HeimnetzRedisOptions.SectionName);
}
