using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Sessions;

namespace Heimnetz.Scenarios.Tests;

/// <summary>Sweeps what crashed runs left behind before the tests, and removes this run's own resources after them, even when tests fail.</summary>
[SetUpFixture]
public sealed class SessionRun
{
    [OneTimeSetUp]
    public async Task SweepAbandonedAsync()
    {
        // The probe in the scenarios' containers is published from this checkout unless HEIMNETZ_PROBE_BINARY names one.
        Heimnetz.Harness.Fixtures.Probe.SourceProbe.Register();
        if ((await DockerEngine.GetStatusAsync()).IsReady)
        {
            var swept = await SessionJanitor.SweepAbandonedAsync();
            TestContext.Progress.WriteLine($"heimnetz session {HarnessSession.Id}; swept {swept} abandoned resources.");
        }
    }

    [OneTimeTearDown]
    public async Task RemoveOwnAsync()
    {
        if ((await DockerEngine.GetStatusAsync()).IsReady)
        {
            var removed = await SessionJanitor.RemoveSessionAsync(HarnessSession.Id);
            TestContext.Progress.WriteLine($"heimnetz session {HarnessSession.Id}: removed {removed} leftover resources.");
        }
    }
}
