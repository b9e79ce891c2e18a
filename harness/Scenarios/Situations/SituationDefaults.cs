using System.Security.Cryptography;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>What most situations share: the discovery budget with slack for a noisy machine, and how the app is probed.</summary>
internal static class SituationDefaults
{
    /// <summary>Discovery's own budget is 1 s; the slack absorbs a loaded 2-core machine, while a hang still fails.</summary>
    public static readonly TimeSpan DiscoveryBudget = TimeSpan.FromSeconds(3);

    /// <summary>A fresh password per run, registered as a secret so no output may contain it.</summary>
    public static string NewPassword(ScenarioContext context) =>
        context.Secret("hz-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));

    /// <summary>Runs the probe in the app container and keeps the report and the raw output for the invariants.</summary>
    public static async Task<ScenarioObservation> ObserveAsync(ScenarioContext context, ProbeNode app, string wiring, CancellationToken cancellationToken)
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
}
