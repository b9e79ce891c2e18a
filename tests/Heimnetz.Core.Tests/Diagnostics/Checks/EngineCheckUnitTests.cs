using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Checks;
using Heimnetz.EnvironmentDetection;
using static Heimnetz.Tests.Diagnostics.DoctorContexts;

namespace Heimnetz.Tests.Diagnostics.Checks;

[TestFixture]
public sealed class EngineCheckUnitTests
{
    private static DoctorContext With(EngineProbeResult engine, RuntimeEnvironment? environment = null) =>
        Live(environment ?? Host, Found(Ready("localhost", 6379)), engine);

    [Test]
    public void Run_EngineAnswers_SaysOkWithVersions()
    {
        var finding = Run(new EngineCheck(), With(ReachableEngine())).Single();

        Assert.Multiple(() =>
        {
            Assert.That(finding.Code, Is.EqualTo(FindingCodes.EngineOk));
            Assert.That(finding.Severity, Is.EqualTo(FindingSeverity.Ok));
            Assert.That(finding.Title, Does.Contain("26.1.5").And.Contain("1.45"));
        });
    }

    [Test]
    public void Run_OldApi_WarnsThatItIsTooOld()
    {
        var engine = ReachableEngine() with { ApiVersion = "1.41" };

        var finding = Run(new EngineCheck(), With(engine)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(finding.Code, Is.EqualTo(FindingCodes.EngineApiTooOld));
            Assert.That(finding.Severity, Is.EqualTo(FindingSeverity.Warning));
        });
    }

    [Test]
    public void Run_PodmanReportingTheCompatApiVersion_IsOkNotTooOld()
    {
        // Podman 4.3's compat /version reports API 1.41, yet serves the 1.44 requests Testcontainers sends.
        var engine = ReachableEngine() with { EngineVersion = "4.3.1", ApiVersion = "1.41", Product = "podman" };

        var finding = Run(new EngineCheck(), With(engine)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(finding.Code, Is.EqualTo(FindingCodes.EngineOk));
            Assert.That(finding.Title, Is.EqualTo("Podman 4.3.1 answers Docker's API"));
        });
    }

    [Test]
    public void Run_InContainerWithoutSocket_IsInfoNotError()
    {
        var engine = new EngineProbeResult(EngineState.NotVisible, "unix:///var/run/docker.sock", null, null, null, null);

        var finding = Run(new EngineCheck(), With(engine, DockerBridge())).Single();

        Assert.Multiple(() =>
        {
            Assert.That(finding.Code, Is.EqualTo(FindingCodes.EngineNotVisible));
            Assert.That(finding.Severity, Is.EqualTo(FindingSeverity.Info));
            Assert.That(finding.Title, Does.Contain("not visible from inside the container"));
        });
    }

    [Test]
    public void Run_EngineDoesNotAnswer_WarnsWithTheProblemAndARemedy()
    {
        var engine = new EngineProbeResult(EngineState.Unreachable, "unix:///var/run/docker.sock", "/usr/bin/docker", null, null, "permission denied");

        var finding = Run(new EngineCheck(), With(engine)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(finding.Code, Is.EqualTo(FindingCodes.EngineUnreachable));
            Assert.That(finding.Severity, Is.EqualTo(FindingSeverity.Warning));
            Assert.That(finding.Observed, Has.Some.Contains("permission denied"));
            Assert.That(finding.Remedy, Does.Contain("docker group"));
        });
    }

    [Test]
    public void Run_NothingInstalled_IsInfo()
    {
        var engine = new EngineProbeResult(EngineState.NotInstalled, "unix:///var/run/docker.sock", null, null, null, null);

        var finding = Run(new EngineCheck(), With(engine)).Single();

        Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.EngineNotInstalled, FindingSeverity.Info)));
    }

    [Test]
    public void Run_NoEngineProbe_SaysNotCheckedAsInfoWithTheReason()
    {
        var finding = Run(new EngineCheck(), With(EngineProbeResult.NotChecked)).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.EngineNotChecked, FindingSeverity.Info)));
            Assert.That(finding.Title, Does.Contain("not checked"));
            Assert.That(finding.Observed, Has.Some.Contains("no engine probe was given"));
            Assert.That(finding.Remedy, Does.Contain("heimnetz doctor").And.Contain(nameof(IEngineProbe)));
        });
    }

    [Test]
    public void Run_Replay_SaysNothing()
    {
        Assert.That(Run(new EngineCheck(), Replay(Host)), Is.Empty);
    }
}
