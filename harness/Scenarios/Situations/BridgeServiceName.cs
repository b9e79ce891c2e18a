using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>The compose default: app and Redis on one user-defined bridge, Redis reachable by its service name.</summary>
public sealed class BridgeServiceName : Scenario
{
    public override string Name => "bridge-service-name";

    public override string Situation => "App and Redis share a user-defined bridge network; Redis answers as 'redis'.";

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Container("docker", "bridge"),
        Invariant.Chosen("redis:6379"),
        Invariant.Outcome("redis:6379", "ready"),
        Invariant.ChosenServerMatchesFlavour,
        Invariant.CacheMode("redis"),
        Invariant.DoctorVerdictIs("healthy"),
        Invariant.DiscoveryWithin(SituationDefaults.DiscoveryBudget),
        Invariant.ServiceAgreesWithProbe,
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("create the network");
        var network = await context.Topology.AddNetworkAsync("app", cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Step("start Redis as 'redis'");
        await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.On(network, "redis")), cancellationToken).ConfigureAwait(false);
        context.Step("start the app");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.On(network, "app")), cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveAsync(context, app, "user-defined", cancellationToken).ConfigureAwait(false);
    }
}
