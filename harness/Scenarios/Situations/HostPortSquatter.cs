using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>
/// The app on the host, and a container that is not Redis publishes host port 6379 (another project's web app, say); the
/// developer's Redis answers on 6380. The doctor names the container and moves its port; the matrix proves the move.
/// </summary>
public sealed class HostPortSquatter : Scenario
{
    public override string Name => "host-port-squatter";

    public override string AppRuns => "host";

    public override string Situation => "The probe runs on the host; a container that is not Redis publishes host port 6379, and Redis is published on 6380.";

    /// <summary>6381 is where the doctor moves the squatter: the first port nothing holds.</summary>
    public override IReadOnlyList<int> HostPorts => [6379, 6380, 6381];

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.ContainerMatchesEngineFact,
        Invariant.Container(null, "host"),
        Invariant.Outcome("localhost:6379", "not-redis"),
        Invariant.Chosen("localhost:6380"),
        Invariant.ChosenServerMatchesFlavour,
        Invariant.CacheMode("redis"),
        Invariant.DoctorFinds("port-conflict"),
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("start an HTTP squatter published on host port 6379");
        await context.Topology.AddSquatterAsync("squatter", SquatterKind.HttpResponder, Attachment.Bridge, hostPort: 6379, cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Step("start Redis published on host port 6380");
        await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.Bridge) { HostPort = 6380 }, cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveOnHostAsync(context, cancellationToken).ConfigureAwait(false);
    }
}
