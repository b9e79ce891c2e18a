using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Probe;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Probing;

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
        context.Step("run the probe on the host");
        var binary = await ProbeArtifact.GetPathAsync(cancellationToken).ConfigureAwait(false);
        var run = await HostProbe.RunAsync(binary, ["probe", "--json"], cancellationToken).ConfigureAwait(false);
        var report = ProbeReportJson.Deserialize(run.Stdout);
        context.Step("run doctor on the host");
        var doctor = await HostProbe.RunAsync(binary, ["doctor", "--json"], cancellationToken).ConfigureAwait(false);
        // The host may itself be a container (a CI runner, a dev container): the probe must agree with detection in this process.
        var here = EnvironmentSectionMapper.ToSection(EnvironmentDetector.Detect(Sysroot.Live));
        return new ScenarioObservation(report, run.Stdout + run.Stderr + doctor.Stdout + doctor.Stderr, "host")
        {
            EngineFacts = new Dictionary<string, string> { ["container"] = here.Container },
            Doctor = DoctorVerdict.Parse(doctor.Stdout),
            // The harness runs the service only as a container (the image built from source); on the host it is `dotnet run`.
            NoService = "not run: the app is a host process",
        };
    }
}
