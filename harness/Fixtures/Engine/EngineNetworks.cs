namespace Heimnetz.Harness.Fixtures.Engine;

/// <summary>What the engine says about a network, as <c>docker network inspect</c> would show it.</summary>
public static class EngineNetworks
{
    /// <summary>The IPv4 gateway of a network ("bridge" for the default bridge), or null when it has none.</summary>
    public static async Task<string?> GatewayAsync(string network, CancellationToken cancellationToken = default)
    {
        using var client = DockerEngine.CreateClient();
        var inspect = await client.Networks.InspectNetworkAsync(network, cancellationToken).ConfigureAwait(false);
        return inspect.IPAM?.Config?.Select(config => config.Gateway).FirstOrDefault(gateway => gateway?.Contains('.', StringComparison.Ordinal) == true);
    }
}
