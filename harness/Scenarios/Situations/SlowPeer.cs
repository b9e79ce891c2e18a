using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>The preferred address accepts connections and never answers; discovery must not hang on it.</summary>
public sealed class SlowPeer : Scenario
{
    public override string Name => "slow-peer";

    public override string Situation => "redis:6379 accepts and never replies; the real Redis is redis-dev, and discovery still finishes in budget.";

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Outcome("redis:6379", "timeout"),
        Invariant.Chosen("redis-dev:6379"),
        Invariant.CacheMode("redis"),
        Invariant.DoctorFinds("peer-timeout"),
        Invariant.DiscoveryWithin(SituationDefaults.DiscoveryBudget),
        Invariant.ServiceAgreesWithProbe,
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("create the network");
        var network = await context.Topology.AddNetworkAsync("app", cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Step("start a silent peer as 'redis'");
        await context.Topology.AddSquatterAsync("silent", SquatterKind.Silent, Attachment.On(network, "redis"), cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Step("start Redis as 'redis-dev'");
        await context.Topology.AddRedisAsync("redis-dev", new RedisNodeSpec(context.Server, Attachment.On(network, "redis-dev")), cancellationToken).ConfigureAwait(false);
        context.Step("start the app");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.On(network, "app")), cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveAsync(context, app, "user-defined", cancellationToken).ConfigureAwait(false);
    }
}
