using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>
/// No Redis and no way out — an internal network, or network mode none (only loopback): the app must say where it is,
/// give up within budget, and cache in memory.
/// </summary>
public sealed class Isolated : Scenario
{
    private readonly bool networkModeNone;

    private Isolated(bool networkModeNone)
    {
        this.networkModeNone = networkModeNone;
        Invariants =
        [
            Invariant.Container("docker", networkModeNone ? "none" : "bridge"),
            Invariant.Chosen(null),
            Invariant.CacheMode("memory"),
            Invariant.DoctorVerdictIs("broken"),
            Invariant.DoctorFinds("cache-memory-mode"),
            Invariant.ServiceAgreesWithProbe,
            Invariant.DiscoveryWithin(SituationDefaults.DiscoveryBudget),
        ];
    }

    /// <summary>The app on an internal network with no Redis on it.</summary>
    public static Isolated OnInternalNetwork() => new(networkModeNone: false);

    /// <summary>The app with network mode none.</summary>
    public static Isolated WithNetworkModeNone() => new(networkModeNone: true);

    public override string Name => networkModeNone ? "isolated-none" : "isolated";

    public override string Situation => networkModeNone
        ? "The app runs with network mode none: nothing but loopback."
        : "The app sits on an internal network with no Redis and no route out.";

    public override IReadOnlyList<Invariant> Invariants { get; }

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        Attachment attachment = Attachment.Nothing;
        if (!networkModeNone)
        {
            context.Step("create an internal network");
            var network = await context.Topology.AddNetworkAsync("internal", isInternal: true, cancellationToken).ConfigureAwait(false);
            attachment = Attachment.On(network, "app");
        }

        context.Step("start the app");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(attachment), cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveAsync(context, app, networkModeNone ? "none" : "internal", cancellationToken).ConfigureAwait(false);
    }
}
