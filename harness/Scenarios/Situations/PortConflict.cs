using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>Something else answers where Redis should be: a web server holds the name 'redis'; the real Redis is 'redis-dev'.</summary>
public sealed class PortConflict : Scenario
{
    public override string Name => "port-conflict";

    public override string Situation => "A non-Redis service holds redis:6379; the real Redis answers as redis-dev.";

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Outcome("redis:6379", "not-redis"),
        Invariant.Chosen("redis-dev:6379"),
        Invariant.ChosenServerMatchesFlavour,
        Invariant.CacheMode("redis"),
        Invariant.DoctorFinds("not-redis"),
        Invariant.ServiceAgreesWithProbe,
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("create the network");
        var network = await context.Topology.AddNetworkAsync("app", cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Step("start an HTTP squatter as 'redis'");
        await context.Topology.AddSquatterAsync("squatter", SquatterKind.HttpResponder, Attachment.On(network, "redis"), cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Step("start Redis as 'redis-dev'");
        await context.Topology.AddRedisAsync("redis-dev", new RedisNodeSpec(context.Server, Attachment.On(network, "redis-dev")), cancellationToken).ConfigureAwait(false);
        context.Step("start the app");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.On(network, "app")), cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveAsync(context, app, "user-defined", cancellationToken).ConfigureAwait(false);
    }
}
