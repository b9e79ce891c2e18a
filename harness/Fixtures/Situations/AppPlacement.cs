using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Testing;

/// <summary>Where a situation puts the app: its wiring, the host-gateway alias, and settings the situation imposes (a stale password).</summary>
public sealed record AppPlacement(Attachment Attachment)
{
    /// <summary>Adds <c>host.docker.internal:host-gateway</c>, as compose's <c>extra_hosts</c> does.</summary>
    public bool HostGatewayAlias { get; init; }

    /// <summary>Environment the situation gives the app (and the sidecar), under the app's own.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The wiring in words, for reports: "user-defined", "host", "user-defined + host-gateway", ...</summary>
    public string Describe() => HostGatewayAlias ? $"{Attachment.Describe()} + host-gateway" : Attachment.Describe();
}
