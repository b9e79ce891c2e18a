using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Probing;

/// <summary>Maps a detected <see cref="RuntimeEnvironment"/> to the environment section of the probe report contract.</summary>
public static class EnvironmentSectionMapper
{
    /// <summary>Builds the contract section; evidence becomes one <c>source: value</c> string per observation.</summary>
    public static EnvironmentSection ToSection(RuntimeEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new EnvironmentSection(
            WireNames.Of(environment.Container),
            environment.CgroupVersion,
            WireNames.Of(environment.NetworkMode),
            environment.DefaultGateway,
            [.. environment.Evidence.Select(evidence => evidence.ToString())])
        {
            Addresses = environment.Addresses,
            HostAliases = environment.HostAliases,
            Nameservers = environment.Nameservers,
        };
    }
}
