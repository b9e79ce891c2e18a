using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>Plain <c>docker run</c>: the default bridge has no DNS, so Redis published on the host is reached through the gateway.</summary>
public sealed class DefaultBridgeGateway : Scenario
{
    public override string Name => "default-bridge-gateway";

    public override string Situation => "App on the default bridge (no container DNS); Redis published on host port 6379; found through the gateway.";

    public override IReadOnlyList<int> HostPorts => [6379];

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Container("docker", "bridge"),
        Invariant.GatewayMatchesEngine,
        Invariant.Outcome("redis:6379", "dns-failure"),
        Invariant.ChosenIsDefaultGateway(6379),
        Invariant.ChosenServerMatchesFlavour,
        Invariant.CacheMode("redis"),
        Invariant.ServiceAgreesWithProbe,
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("start Redis published on host port 6379");
        await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.Bridge) { HostPort = 6379 }, cancellationToken).ConfigureAwait(false);
        context.Step("start the app on the default bridge");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.Bridge), cancellationToken).ConfigureAwait(false);
        context.Step("ask the engine for the bridge's gateway");
        var gateway = await EngineNetworks.GatewayAsync("bridge", cancellationToken).ConfigureAwait(false);
        var observation = await SituationDefaults.ObserveAsync(context, app, "default-bridge", cancellationToken).ConfigureAwait(false);
        return observation with { EngineFacts = new Dictionary<string, string> { ["gateway"] = gateway ?? "none" } };
    }
}
