using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>An app container that runs the probe: how it is wired and what its environment says.</summary>
public sealed record ProbeNodeSpec(Attachment Attachment)
{
    /// <summary>Environment variables of the app (REDIS_URL, REDIS_PASSWORD, ...).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Adds <c>host.docker.internal:host-gateway</c>, as compose's <c>extra_hosts</c> does.</summary>
    public bool HostGatewayAlias { get; init; }
}
