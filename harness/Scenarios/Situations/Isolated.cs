using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>An internal network with no Redis on it and no way out: the app must give up within budget and cache in memory.</summary>
public sealed class Isolated : Scenario
{
    public override string Name => "isolated";

    public override string Situation => "The app sits on an internal network with no Redis and no route out.";

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Container("docker", "bridge"),
        Invariant.Chosen(null),
        Invariant.CacheMode("memory"),
        Invariant.DoctorVerdictIs("broken"),
        Invariant.DoctorFinds("cache-memory-mode"),
        Invariant.DiscoveryWithin(SituationDefaults.DiscoveryBudget),
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("create an internal network");
        var network = await context.Topology.AddNetworkAsync("internal", isInternal: true, cancellationToken).ConfigureAwait(false);
        context.Step("start the app");
        var app = await context.Topology.AddProbeAsync("app", new Fixtures.Nodes.ProbeNodeSpec(Attachment.On(network, "app")), cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveAsync(context, app, "internal", cancellationToken).ConfigureAwait(false);
    }
}
