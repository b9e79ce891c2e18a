using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>The everyday setup: the app runs on the developer's machine, Redis in a container published on 6379.</summary>
public sealed class AppOnHost : Scenario
{
    public override string Name => "app-on-host";

    public override string AppRuns => "host";

    public override string Situation => "The probe runs on the host, not in a container; Redis is a container published on host port 6379.";

    public override IReadOnlyList<int> HostPorts => [6379];

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.ContainerMatchesEngineFact,
        Invariant.Container(null, "host"),
        Invariant.Chosen("localhost:6379"),
        Invariant.ChosenServerMatchesFlavour,
        Invariant.CacheMode("redis"),
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("start Redis published on host port 6379");
        await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.Bridge) { HostPort = 6379 }, cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveOnHostAsync(context, cancellationToken).ConfigureAwait(false);
    }
}
