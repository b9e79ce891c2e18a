using Heimnetz.Cli;
using Heimnetz.Probing;
using Heimnetz.Harness.Fixtures.Requirements;

namespace Heimnetz.Tests.Cli.Commands;

[TestFixture]
public sealed class CaptureCommandUnitTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp() => _directory = Directory.CreateTempSubdirectory("heimnetz-capture-cli-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task RunAsync_CaptureLiveThenProbeTheArchive_ReportsTheSameEnvironment()
    {
        MachineRequirement.That(OperatingSystem.IsLinux(), $"this test reads Linux's /proc, but the machine runs {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        var archive = Path.Combine(_directory, "live.tar.gz");

        var (captureExit, captureOut, captureErr) = await RunAsync("capture", "-o", archive);
        var (liveExit, liveJson, _) = await RunAsync("probe", "--json");
        var (replayExit, replayJson, replayErr) = await RunAsync("probe", "--json", "--sysroot", archive);

        Assert.Multiple(() =>
        {
            Assert.That((captureExit, liveExit, replayExit), Is.EqualTo((HeimnetzCli.Ok, HeimnetzCli.Ok, HeimnetzCli.Ok)), captureErr + replayErr);
            Assert.That(captureOut, Does.StartWith($"wrote {archive}: "));
            Assert.That(ProbeReportJson.Deserialize(replayJson).Environment, Is.EqualTo(ProbeReportJson.Deserialize(liveJson).Environment).Using<EnvironmentSection>(SameSection));
        });
    }

    [Test]
    public async Task RunAsync_CaptureOfAnUnpackedFixture_ReplaysToTheSameReport()
    {
        var fixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "sysroots", "docker-cgroup1");
        var archive = Path.Combine(_directory, "docker.tar.gz");

        var (captureExit, _, captureErr) = await RunAsync("capture", "--output", archive, "--sysroot", fixture);
        var (_, directJson, _) = await RunAsync("probe", "--json", "--sysroot", fixture);
        var (_, replayJson, _) = await RunAsync("probe", "--json", "--sysroot", archive);

        Assert.Multiple(() =>
        {
            Assert.That(captureExit, Is.EqualTo(HeimnetzCli.Ok), captureErr);
            Assert.That(replayJson, Is.EqualTo(directJson));
            Assert.That(ProbeReportJson.Deserialize(replayJson).Environment.Container, Is.EqualTo("docker"));
        });
    }

    [Test]
    public async Task RunAsync_CaptureWithMissingSysroot_ExitsTwoAndNamesTheValue()
    {
        var missing = Path.Combine(_directory, "nowhere");

        var (exit, _, stderr) = await RunAsync("capture", "-o", Path.Combine(_directory, "x.tar.gz"), "--sysroot", missing);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.BadUsage));
            Assert.That(stderr, Does.Contain($"--sysroot '{missing}' does not exist"));
        });
    }

    [Test]
    public async Task RunAsync_CaptureToUnwritablePath_ExitsTwoAndNamesThePath()
    {
        var target = Path.Combine(_directory, "no-such-dir", "x.tar.gz");

        var (exit, _, stderr) = await RunAsync("capture", "-o", target);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.BadUsage));
            Assert.That(stderr, Does.Contain($"--output '{target}'"));
        });
    }

    private static bool SameSection(EnvironmentSection left, EnvironmentSection right) =>
        left.Container == right.Container && left.CgroupVersion == right.CgroupVersion && left.NetworkMode == right.NetworkMode
        && left.DefaultGateway == right.DefaultGateway && left.Evidence.SequenceEqual(right.Evidence)
        && left.Addresses.SequenceEqual(right.Addresses) && left.HostAliases.SequenceEqual(right.HostAliases) && left.Nameservers.SequenceEqual(right.Nameservers);

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await HeimnetzCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
