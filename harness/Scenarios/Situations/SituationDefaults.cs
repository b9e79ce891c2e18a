using System.Security.Cryptography;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Probe;
using Heimnetz.Harness.Scenarios.Model;
using Heimnetz.Harness.Scenarios.Remedies;
using Heimnetz.Probing;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>What most situations share: the discovery budget with slack for a noisy machine, and how the app is probed.</summary>
internal static class SituationDefaults
{
    /// <summary>Discovery's own budget is 1 s; the slack absorbs a loaded 2-core machine, while a hang still fails.</summary>
    public static readonly TimeSpan DiscoveryBudget = TimeSpan.FromSeconds(3);

    /// <summary>A fresh password per run, registered as a secret so no output may contain it.</summary>
    public static string NewPassword(ScenarioContext context) =>
        context.Secret("hz-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));

    /// <summary>How long the sample service may take to start and settle (discovery ran; on Redis, or none chosen).</summary>
    public static readonly TimeSpan ServicePatience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs the probe in the app container and keeps the report and the raw output for the invariants; then starts the
    /// sample service wired as the probe is, and keeps what its <c>/status</c> says once it has settled.
    /// </summary>
    public static async Task<ScenarioObservation> ObserveAsync(ScenarioContext context, ProbeNode app, string wiring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var probed = await ProbeAsync(context, app, wiring, cancellationToken).ConfigureAwait(false);
        var (_, status) = await StartServiceAsync(context, app, publishOnLoopback: false, cancellationToken).ConfigureAwait(false);
        // Its /status joins the output the secret check reads: the service got the same passwords as the probe.
        var seen = probed with { Service = status, RawOutput = probed.RawOutput + status.Body };
        return await RemedyDrill.RunAsync(context, app, seen, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the sample service beside the probe (after it, so the probe's discovery does not share the CPU with a
    /// starting web app) and waits until it has settled; a service that does not settle still reports what it says.
    /// </summary>
    public static async Task<(ServiceNode Service, ServiceStatus Status)> StartServiceAsync(ScenarioContext context, ProbeNode app, bool publishOnLoopback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(app);
        context.Step("start the sample service beside the probe");
        var spec = ServiceNodeSpec.Beside(app.Spec, "service") with { PublishOnLoopback = publishOnLoopback };
        if (spec.Attachment is Fixtures.Topology.Attachment.Host)
        {
            // The host's own port space: 5003 may be taken by anything on this machine.
            spec = spec with { Port = FreeHostPort() };
        }

        var service = await context.Topology.AddServiceAsync("service", spec, cancellationToken).ConfigureAwait(false);
        context.Step("read the sample service's /status");
        var status = await service.WaitForStatusAsync(seen => seen.Settled, ServicePatience, cancellationToken).ConfigureAwait(false);
        return (service, status);
    }

    private static int FreeHostPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs the probe and the doctor in the app container (no service).</summary>
    public static async Task<ScenarioObservation> ProbeAsync(ScenarioContext context, ProbeNode app, string wiring, CancellationToken cancellationToken)
    {
        context.Step("probe in the app container");
        var run = await app.ProbeAsync(cancellationToken).ConfigureAwait(false);
        var report = run.RequireReport();
        context.ScrubAs(report.Environment.DefaultGateway, "<bridge-gateway>");
        context.Step("doctor in the app container");
        var doctor = await app.RunAsync(["doctor", "--json"], cancellationToken).ConfigureAwait(false);
        return new ScenarioObservation(report, run.Stdout + run.Stderr + doctor.Stdout + doctor.Stderr, wiring)
        {
            Doctor = DoctorVerdict.Parse(doctor.Stdout),
        };
    }

    /// <summary>
    /// Runs the probe and the doctor on the host, as an app on the developer's machine runs, then applies the doctor's
    /// remedies there. The host may itself be a container (a CI runner, a dev container): the engine fact is what
    /// detection in this process says, for the probe to agree with.
    /// </summary>
    public static async Task<ScenarioObservation> ObserveOnHostAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Step("run the probe on the host");
        var binary = await ProbeArtifact.GetPathAsync(cancellationToken).ConfigureAwait(false);
        var run = await HostProbe.RunAsync(binary, ["probe", "--json"], cancellationToken).ConfigureAwait(false);
        var report = ProbeReportJson.Deserialize(run.Stdout);
        context.Step("run doctor on the host");
        var doctor = await HostProbe.RunAsync(binary, ["doctor", "--json"], cancellationToken).ConfigureAwait(false);
        var here = EnvironmentSectionMapper.ToSection(EnvironmentDetector.Detect(Sysroot.Live));
        var seen = new ScenarioObservation(report, run.Stdout + run.Stderr + doctor.Stdout + doctor.Stderr, "host")
        {
            EngineFacts = new Dictionary<string, string> { ["container"] = here.Container },
            Doctor = DoctorVerdict.Parse(doctor.Stdout),
            // The harness runs the service only as a container (the image built from source); on the host it is `dotnet run`.
            NoService = "not run: the app is a host process",
        };
        return await RemedyDrill.RunOnHostAsync(context, binary, seen, cancellationToken).ConfigureAwait(false);
    }
}
