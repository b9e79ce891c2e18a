using System.Text.Json;
using Heimnetz.Cli;
using Heimnetz.Probing;
using Heimnetz.Harness.Fixtures.Requirements;

namespace Heimnetz.Tests.Cli.Commands;

[TestFixture]
public sealed class ProbeCommandUnitTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "sysroots", name);

    [Test]
    public async Task RunAsync_ProbeJsonWithFixtureSysroot_FillsTheEnvironmentSection()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await HeimnetzCli.RunAsync(["probe", "--json", "--sysroot", Fixture("podman-rootless")], stdout, stderr);

        var report = ProbeReportJson.Deserialize(stdout.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.Ok), stderr.ToString());
            Assert.That(report.Environment.Container, Is.EqualTo("podman"));
            Assert.That(report.Environment.CgroupVersion, Is.EqualTo(2));
            Assert.That(report.Environment.NetworkMode, Is.EqualTo("bridge"));
            Assert.That(report.Environment.DefaultGateway, Is.EqualTo("10.0.2.2"));
            Assert.That(report.Environment.HostAliases, Does.Contain("host.containers.internal=10.0.2.2"));
            Assert.That(report.Environment.Evidence, Has.Some.StartWith("detector: podman, decided by"));
        });
    }

    [Test]
    public async Task RunAsync_ProbeJsonLive_WritesOneContractObject()
    {
        MachineRequirement.That(OperatingSystem.IsLinux(), $"this test reads Linux's /proc, but the machine runs {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await HeimnetzCli.RunAsync(["probe", "--json"], stdout, stderr);

        using var document = JsonDocument.Parse(stdout.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.Ok), stderr.ToString());
            Assert.That(document.RootElement.GetProperty("environment").GetProperty("container").GetString(), Is.AnyOf("docker", "podman", "kubernetes", "containerd", "lxc", "unknown", "none"));
        });
    }

    [Test]
    public async Task RunAsync_ProbeSummaryWithFixture_PrintsTheEnvironmentLine()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await HeimnetzCli.RunAsync(["probe", "--sysroot", Fixture("k8s-containerd-cgroup1")], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.Ok));
            Assert.That(stdout.ToString(), Does.StartWith("environment: kubernetes (cgroup 1), network bridge, gateway 169.254.1.1"));
        });
    }

    [TestCase("no-such-dir")]
    [TestCase("not-an-archive.txt")]
    [TestCase("corrupt.tar.gz")]
    public async Task RunAsync_BadSysroot_ExitsWithBadUsageAndNamesTheValue(string name)
    {
        var directory = Directory.CreateTempSubdirectory("heimnetz-cli-test-").FullName;
        try
        {
            var value = Path.Combine(directory, name);
            if (name != "no-such-dir")
            {
                await File.WriteAllTextAsync(value, "not a capture");
            }

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var exit = await HeimnetzCli.RunAsync(["probe", "--json", "--sysroot", value], stdout, stderr);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(HeimnetzCli.BadUsage));
                Assert.That(stderr.ToString(), Does.Contain($"'{value}'"));
                Assert.That(stdout.ToString(), Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
