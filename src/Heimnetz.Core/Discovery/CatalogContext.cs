namespace Heimnetz.Discovery;

/// <summary>
/// What the candidate catalog needs to know about where we run. Filled from the detected runtime environment.
/// </summary>
/// <param name="IsContainer">Whether we run inside a container.</param>
/// <param name="DefaultGateway">The default gateway address, if one was detected (the bridge gateway in a container).</param>
/// <param name="HostAliases">Names from <c>etc/hosts</c> mapped to their addresses, e.g. <c>host.docker.internal</c>.</param>
/// <param name="ContainerKind">The container engine, e.g. docker or podman, if known; used only to word reasons.</param>
public sealed record CatalogContext(
    bool IsContainer,
    string? DefaultGateway,
    IReadOnlyDictionary<string, string> HostAliases,
    string? ContainerKind = null)
{
    /// <summary>A plain host: no container, no gateway, no aliases.</summary>
    public static CatalogContext Host { get; } = new(false, null, new Dictionary<string, string>());
}
