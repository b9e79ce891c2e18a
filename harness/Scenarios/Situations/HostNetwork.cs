using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>Linux host networking: the container shares the host's interfaces, so Redis published on the host is on localhost.</summary>
public sealed class HostNetwork : Scenario
{
    public override string Name => "host-network";

    public override string Situation => "The app runs with network mode host; Redis is published on host port 6379; found on localhost.";

    public override IReadOnlyList<int> HostPorts => [6379];

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Container("docker", "host"),
        Invariant.Chosen("localhost:6379"),
        Invariant.ChosenServerMatchesFlavour,
        Invariant.CacheMode("redis"),
        Invariant.ServiceAgreesWithProbe,
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("start Redis published on host port 6379");
        await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.Bridge) { HostPort = 6379 }, cancellationToken).ConfigureAwait(false);
        context.Step("start the app with network mode host");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.HostNetwork), cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveAsync(context, app, "host", cancellationToken).ConfigureAwait(false);
    }
}
