using Heimnetz.Cli;
using Heimnetz.Cli.Commands;
using Heimnetz.Diagnostics;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Tests.Diagnostics;

[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class DoctorRunnerRedisServerIntegrationTests
{
    private const string ServerPassword = "right-pass-4417";
    private const string WrongPassword = "wrong-pass-9923";

    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();

    private static IConfiguration Configuration(RedisServerProcess server, string? password) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HEIMNETZ_REDIS_CANDIDATES"] = server.Endpoint,
            ["REDIS_PASSWORD"] = password,
            // Keep the engine and compose out of this test: a socket that does not exist, no PATH.
            ["DOCKER_HOST"] = "unix:///nonexistent/heimnetz-test/docker.sock",
            ["PATH"] = string.Empty,
        }).Build();

    [Test]
    public async Task RunAsync_WrongPassword_ReportsAuthFailedWithoutThePassword()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", ServerPassword);

        var report = await DoctorRunner.RunAsync(Sysroot.Live, Configuration(server, WrongPassword));

        var json = DoctorReportJson.Serialize(report);
        TestContext.Out.WriteLine(json);
        var authFailed = report.Findings.Single(finding => finding.Code == FindingCodes.AuthFailed);
        Assert.Multiple(() =>
        {
            Assert.That(authFailed.Severity, Is.EqualTo(FindingSeverity.Error));
            Assert.That(authFailed.Title, Does.Contain(server.Endpoint));
            Assert.That(authFailed.Observed, Has.Some.Contains("credentials from REDIS_PASSWORD"));
            Assert.That(report.Verdict, Is.EqualTo(DoctorVerdict.Broken));
            Assert.That(report.Findings.Select(finding => finding.Code), Does.Contain(FindingCodes.CacheMemoryMode));
            Assert.That(json, Does.Not.Contain(WrongPassword).And.Not.Contain(ServerPassword));
        });
    }

    [Test]
    public async Task ExecuteAsync_WrongPasswordAsTable_ExitsBrokenWithoutThePassword()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", ServerPassword);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await DoctorCommand.ExecuteAsync(json: false, sysroot: null, Configuration(server, WrongPassword), stdout, stderr);

        var output = stdout.ToString() + stderr;
        TestContext.Out.WriteLine(output);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(DoctorCommand.Broken));
            Assert.That(output, Does.Contain(FindingCodes.AuthFailed));
            Assert.That(output, Does.Not.Contain(WrongPassword).And.Not.Contain(ServerPassword));
        });
    }

    [Test]
    public async Task RunAsync_NoPasswordConfigured_ReportsAuthRequired()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", ServerPassword);

        var report = await DoctorRunner.RunAsync(Sysroot.Live, Configuration(server, null));

        var finding = report.Findings.Single(finding => finding.Code == FindingCodes.AuthRequired);
        Assert.Multiple(() =>
        {
            Assert.That(finding.Severity, Is.EqualTo(FindingSeverity.Error));
            Assert.That(finding.Remedy, Does.Contain("REDIS_PASSWORD"));
        });
    }

    [Test]
    public async Task RunAsync_NoEngineProbe_ReportsTheEngineAsNotCheckedAsInfo()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", ServerPassword);

        var report = await DoctorRunner.RunAsync(Sysroot.Live, Configuration(server, ServerPassword));

        // Info, not a warning: a library caller without a probe has nothing wrong with its setup.
        var engineFindings = report.Findings.Where(finding => finding.Code.StartsWith("engine-", StringComparison.Ordinal));
        Assert.That(engineFindings.Select(finding => (finding.Code, finding.Severity)), Is.EqualTo(new[] { (FindingCodes.EngineNotChecked, FindingSeverity.Info) }));
    }

    [Test]
    public async Task RunAsync_WithEngineProbe_AsksItOnceWithTheConfigurationAndReportsItsResult()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", ServerPassword);
        var configuration = Configuration(server, ServerPassword);
        var probe = new FixedEngineProbe(new EngineProbeResult(EngineState.Reachable, "tcp://127.0.0.1:2375/", null, "27.0.3", "1.46", null));

        var report = await DoctorRunner.RunAsync(Sysroot.Live, configuration, engineProbe: probe);

        var engineCodes = report.Findings.Select(finding => finding.Code).Where(code => code.StartsWith("engine-", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(probe.Calls, Is.EqualTo(1));
            Assert.That(probe.SeenConfiguration, Is.SameAs(configuration));
            Assert.That(engineCodes, Is.EqualTo(new[] { FindingCodes.EngineOk }));
            Assert.That(report.Findings.Single(finding => finding.Code == FindingCodes.EngineOk).Title, Does.Contain("27.0.3"));
        });
    }

    [Test]
    public async Task ExecuteAsync_RightPassword_ChoosesTheServerAndIsNotBroken()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", ServerPassword);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await DoctorCommand.ExecuteAsync(json: true, sysroot: null, Configuration(server, ServerPassword), stdout, stderr);

        TestContext.Out.WriteLine(stdout.ToString());
        Assert.Multiple(() =>
        {
            // The engine socket in this test does not exist, so the engine finding keeps the verdict at degraded.
            Assert.That(exit, Is.EqualTo(HeimnetzCli.Degraded), stderr.ToString());
            // The command brings its own engine probe: the engine is asked, not reported as not checked.
            Assert.That(stdout.ToString(), Does.Contain(FindingCodes.EngineUnreachable).And.Not.Contain(FindingCodes.EngineNotChecked));
            Assert.That(stdout.ToString(), Does.Contain("Redis chosen: " + server.Endpoint).And.Contain(FindingCodes.PortHeldByRedis));
            Assert.That(stdout.ToString(), Does.Not.Contain(ServerPassword));
        });
    }

    private sealed class FixedEngineProbe(EngineProbeResult result) : IEngineProbe
    {
        public int Calls { get; private set; }

        public IConfiguration? SeenConfiguration { get; private set; }

        public Task<EngineProbeResult> ProbeAsync(IConfiguration configuration, bool inContainer, CancellationToken cancellationToken = default)
        {
            Calls++;
            SeenConfiguration = configuration;
            return Task.FromResult(result);
        }
    }
}
