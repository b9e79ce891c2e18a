using Heimnetz.Harness.Scenarios.Model;
using Heimnetz.Harness.Scenarios.Situations;

namespace Heimnetz.Harness.Scenarios;

/// <summary>Every scenario the harness knows, in the order people read them.</summary>
public static class Catalog
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new BridgeServiceName(),
        new ComposeDevPassword(),
        new DefaultBridgeGateway(),
        new HostGatewayAlias(),
        new HostNetwork(),
        Isolated.OnInternalNetwork(),
        Isolated.WithNetworkModeNone(),
        new PortConflict(),
        new WrongPassword(),
        new SlowPeer(),
        new FailoverStop(),
        new FailoverBlackhole(),
        new AppOnHost(),
        new HostPortSquatter(),
        new HostWithoutRedis(),
    ];

    public static Scenario Find(string name) =>
        All.FirstOrDefault(scenario => string.Equals(scenario.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scenario '{name}'; 'list' shows the {All.Count} known ones.", nameof(name));
}
