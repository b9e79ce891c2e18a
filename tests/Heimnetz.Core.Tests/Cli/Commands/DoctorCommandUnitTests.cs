using System.Text.Json;
using Heimnetz.Cli;
using Heimnetz.Cli.Commands;
using Heimnetz.Diagnostics;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Microsoft.Extensions.Configuration;
using Heimnetz.Harness.Fixtures.Requirements;

namespace Heimnetz.Tests.Cli.Commands;

[TestFixture]
public sealed class DoctorCommandUnitTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "sysroots", name);

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build();

    [Test]
    public async Task RunAsync_DoctorJsonReplayOfUserDefinedNetwork_IsHealthyAndSaysLiveChecksWereSkipped()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await HeimnetzCli.RunAsync(["doctor", "--json", "--sysroot", Fixture("docker-cgroup2")], stdout, stderr);

        using var document = JsonDocument.Parse(stdout.ToString());
        var codes = document.RootElement.GetProperty("findings").EnumerateArray().Select(finding => finding.GetProperty("code").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.Ok), stderr.ToString());
            Assert.That(document.RootElement.GetProperty("schema").GetString(), Is.EqualTo("heimnetz.doctor/1"));
            Assert.That(document.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("healthy"));
            Assert.That(codes, Does.Contain(FindingCodes.LiveChecksSkipped).And.Contain(FindingCodes.RuntimeEnvironment));
            Assert.That(codes, Does.Not.Contain(FindingCodes.RedisCandidates));
        });
    }

    [Test]
    public async Task RunAsync_DoctorReplayOfDefaultBridge_ExitsOneAndExplainsInATable()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await HeimnetzCli.RunAsync(["doctor", "--sysroot", Fixture("docker-cgroup1")], stdout, stderr);

        var text = stdout.ToString();
        TestContext.Out.WriteLine(text);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.Degraded), stderr.ToString());
            Assert.That(text, Does.Contain(FindingCodes.DefaultBridgeNoDns).And.Contain(FindingCodes.HostAliasMissing));
            Assert.That(text, Does.Contain("verdict: degraded"));
            Assert.That(text, Does.Not.Contain("\u001b["), "no colour codes when the output is not a terminal");
        });
    }

    [Test]
    public async Task RunAsync_DoctorBadSysroot_ExitsWithBadUsageAndNamesTheValue()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), "heimnetz-no-such-capture-" + Guid.NewGuid().ToString("N"));

        var exit = await HeimnetzCli.RunAsync(["doctor", "--sysroot", missing], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.BadUsage));
            Assert.That(stderr.ToString(), Does.Contain(missing));
            Assert.That(stdout.ToString(), Is.Empty);
        });
    }

    [Test]
    public async Task ExecuteAsync_BadRedisConfiguration_ExitsWithBadConfigurationAndTheProblemOnStderrAndNoPassword()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var configuration = Configuration(("HEIMNETZ_REDIS_CANDIDATES", "redis:notaport"), ("REDIS_PASSWORD", "never-shown-7731"));

        var exit = await DoctorCommand.ExecuteAsync(json: true, sysroot: null, configuration, stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.BadConfiguration));
            Assert.That(stderr.ToString(), Does.Contain("HEIMNETZ_REDIS_CANDIDATES").And.Contain("notaport"));
            Assert.That(stderr.ToString() + stdout, Does.Not.Contain("never-shown-7731"));
            Assert.That(stdout.ToString(), Is.Empty);
        });
    }

    [Test]
    public async Task ExecuteAsync_LiveWithNoCandidateListening_IsBrokenAndSaysMemoryMode()
    {
        MachineRequirement.That(OperatingSystem.IsLinux(), $"this test reads Linux's /proc, but the machine runs {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // A loopback port nobody listens on, an engine socket that does not exist, and no PATH: every live input is ours.
        var configuration = Configuration(
            ("HEIMNETZ_REDIS_CANDIDATES", $"127.0.0.1:{RedisServerProcess.FreeLoopbackPort()}"),
            ("DOCKER_HOST", "unix:///nonexistent/heimnetz-test/docker.sock"),
            ("PATH", string.Empty));

        var exit = await DoctorCommand.ExecuteAsync(json: true, sysroot: null, configuration, stdout, stderr);

        using var document = JsonDocument.Parse(stdout.ToString());
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToDictionary(finding => finding.GetProperty("code").GetString()!, finding => finding.GetProperty("severity").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(DoctorCommand.Broken), stderr.ToString());
            Assert.That(document.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("broken"));
            Assert.That(findings[FindingCodes.CacheMemoryMode], Is.EqualTo("error"));
            Assert.That(findings[FindingCodes.EngineUnreachable], Is.EqualTo("warning"));
            Assert.That(findings[FindingCodes.ComposeMissing], Is.EqualTo("info"));
        });
    }

    [Test]
    public async Task RunAsync_DoctorJsonLive_WritesOneReportAndAVerdictExitCode()
    {
        MachineRequirement.That(OperatingSystem.IsLinux(), $"this test reads Linux's /proc, but the machine runs {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await HeimnetzCli.RunAsync(["doctor", "--json"], stdout, stderr);

        using var document = JsonDocument.Parse(stdout.ToString());
        var verdict = document.RootElement.GetProperty("verdict").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(stderr.ToString(), Is.Empty);
            Assert.That(exit, Is.EqualTo(verdict switch { "healthy" => 0, "degraded" => 1, _ => 2 }), verdict);
            Assert.That(document.RootElement.GetProperty("findings").EnumerateArray().Select(finding => finding.GetProperty("code").GetString()), Is.SubsetOf(FindingCodes.All));
        });
    }
}
