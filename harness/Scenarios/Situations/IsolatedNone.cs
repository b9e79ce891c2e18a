using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>Network mode none: only loopback. The probe must say so, and discovery must fail fast rather than wait.</summary>
public sealed class IsolatedNone : Scenario
{
    public override string Name => "isolated-none";

    public override string Situation => "The app runs with network mode none: nothing but loopback.";

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Container("docker", "none"),
        Invariant.Chosen(null),
        Invariant.CacheMode("memory"),
        Invariant.DoctorVerdictIs("broken"),
        Invariant.DoctorFinds("cache-memory-mode"),
        Invariant.DiscoveryWithin(SituationDefaults.DiscoveryBudget),
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("start the app with network mode none");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.Nothing), cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveAsync(context, app, "none", cancellationToken).ConfigureAwait(false);
    }
}
