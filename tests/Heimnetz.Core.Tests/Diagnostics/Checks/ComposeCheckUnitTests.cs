using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Checks;
using static Heimnetz.Tests.Diagnostics.DoctorContexts;

namespace Heimnetz.Tests.Diagnostics.Checks;

[TestFixture]
public sealed class ComposeCheckUnitTests
{
    [Test]
    public void Run_ComposeAnswers_SaysOk()
    {
        var finding = Run(new ComposeCheck(), Live(Host, Found())).Single();

        Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.ComposeOk, FindingSeverity.Ok)));
    }

    [Test]
    public void Run_NoCompose_IsInfoAndListsWhatWasTried()
    {
        var context = Live(Host, Found()) with { Compose = new ComposeProbeResult(true, null, null, ["docker compose: exit code 1: unknown command"]) };

        var finding = Run(new ComposeCheck(), context).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.ComposeMissing, FindingSeverity.Info)));
            Assert.That(finding.Observed, Has.Some.Contains("unknown command"));
        });
    }

    [Test]
    public void Run_InsideAppContainerWithoutEngine_SaysNothing()
    {
        var context = Live(DockerBridge(), Found(), new EngineProbeResult(EngineState.NotVisible, "unix:///var/run/docker.sock", null, null, null, null))
            with { Compose = new ComposeProbeResult(true, null, null, []) };

        Assert.That(Run(new ComposeCheck(), context), Is.Empty);
    }
}
