using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>Docker Desktop's way, done on Linux: <c>extra_hosts: host.docker.internal:host-gateway</c> points at Redis on the host.</summary>
public sealed class HostGatewayAlias : Scenario
{
    public override string Name => "host-gateway-alias";

    public override string Situation => "The app has host.docker.internal:host-gateway; Redis runs on the host (published 6379); found through the alias.";

    public override IReadOnlyList<int> HostPorts => [6379];

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Container("docker", "bridge"),
        Invariant.ChosenHostAlias(6379),
        Invariant.ChosenServerMatchesFlavour,
        Invariant.CacheMode("redis"),
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("start Redis published on host port 6379");
        await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.Bridge) { HostPort = 6379 }, cancellationToken).ConfigureAwait(false);
        context.Step("create the app's network");
        var network = await context.Topology.AddNetworkAsync("app", cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Step("start the app with the host-gateway alias");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.On(network, "app")) { HostGatewayAlias = true }, cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveAsync(context, app, "user-defined + host-gateway", cancellationToken).ConfigureAwait(false);
    }
}
