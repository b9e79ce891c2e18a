using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Discovery;

/// <summary>
/// Turns what environment detection found into what the candidate catalog needs. Only a proven container on its own
/// bridge gets the gateway as a candidate: with host networking (or on a host) the default gateway is the network's
/// router, not the Docker host, and Redis there would be somebody else's.
/// </summary>
internal static class CatalogContextMapper
{
    /// <summary>The catalog context for a detected environment.</summary>
    public static CatalogContext ToCatalogContext(this RuntimeEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var proven = environment.Container is not (ContainerKind.None or ContainerKind.Unknown);
        // Host networking shares the host's names and ports: compose service names never resolve there, localhost is the host.
        var isContainer = environment.Container != ContainerKind.None && environment.NetworkMode != NetworkMode.Host;
        if (!isContainer)
        {
            return CatalogContext.Host;
        }

        var aliases = environment.HostAliases
            .Select(alias => alias.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First()[1], StringComparer.OrdinalIgnoreCase);
        var gateway = proven && environment.NetworkMode == NetworkMode.Bridge ? environment.DefaultGateway : null;
        return new CatalogContext(true, gateway, aliases, WireNames.Of(environment.Container));
    }
}
