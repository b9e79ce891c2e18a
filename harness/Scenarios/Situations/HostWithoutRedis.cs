using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>
/// The first morning on a new machine: the app runs on the host and no Redis runs anywhere. The doctor's remedy is a
/// development Redis; the matrix proves that starting it (as <c>heimnetz fix</c> does) makes the app healthy.
/// </summary>
public sealed class HostWithoutRedis : Scenario
{
    public override string Name => "host-without-redis";

    public override string AppRuns => "host";

    public override string Situation => "The probe runs on the host and no Redis runs anywhere.";

    /// <summary>The ports the host's catalog probes must be free, and 6379 is where the development Redis goes.</summary>
    public override IReadOnlyList<int> HostPorts => [6379, 6380];

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.ContainerMatchesEngineFact,
        Invariant.Container(null, "host"),
        Invariant.Chosen(null),
        Invariant.CacheMode("memory"),
        Invariant.DoctorVerdictIs("broken"),
        Invariant.DoctorFinds("cache-memory-mode"),
    ];

    public override Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken) =>
        SituationDefaults.ObserveOnHostAsync(context, cancellationToken);
}
