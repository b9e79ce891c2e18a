using Heimnetz.Cli;
using Heimnetz.Cli.Commands;
using Heimnetz.Cli.Fix;
using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Remedies;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Tests.Cli.Fix;

/// <summary>fix's refusals and the compose path: nothing here needs an engine (a report stands in for doctor).</summary>
[TestFixture]
public sealed class FixRunnerUnitTests
{
    private string directory = null!;

    [SetUp]
    public void SetUp()
    {
        directory = Directory.CreateTempSubdirectory("heimnetz-fix-").FullName;
        File.WriteAllText(Path.Combine(directory, "docker-compose.yml"), "services:\n  app:\n    image: shop\n  redis:\n    image: redis:7\n");
        var report = new DoctorReport(DoctorVerdict.Broken, [new Finding(FindingCodes.HostAliasMissing, FindingSeverity.Warning, "no alias", [], new AddExtraHost("host.docker.internal", AddExtraHost.HostGateway))]);
        File.WriteAllText(Path.Combine(directory, "doctor.json"), DoctorReportJson.Serialize(report));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task Run_RemoteEngineWithoutAllowRemote_RefusesAndChangesNothing()
    {
        var (code, _, stderr) = await RunAsync(Options() with { Yes = true }, ("DOCKER_HOST", "tcp://192.0.2.10:2375"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(HeimnetzCli.BadUsage));
            Assert.That(stderr, Does.Contain("tcp://192.0.2.10:2375").And.Contain("--allow-remote"));
            Assert.That(File.Exists(Path.Combine(directory, "docker-compose.override.yml")), Is.False);
        });
    }

    [Test]
    public async Task Run_NoTerminalAndNoYes_PrintsThePlanAndChangesNothing()
    {
        var (code, stdout, stderr) = await RunAsync(Options());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(HeimnetzCli.BadUsage));
            Assert.That(stdout, Does.Contain("apply  add-extra-host (host-alias-missing)"));
            Assert.That(stderr, Does.Contain("--yes"));
            Assert.That(File.Exists(Path.Combine(directory, "docker-compose.override.yml")), Is.False);
        });
    }

    [Test]
    public async Task Run_DryRun_PrintsOnlyThePlan()
    {
        var (code, stdout, _) = await RunAsync(Options() with { DryRun = true });

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(HeimnetzCli.Ok));
            Assert.That(stdout, Does.Contain("Dry run: nothing was changed."));
            Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { "docker-compose.yml", "doctor.json" }));
        });
    }

    [Test]
    public async Task Run_YesWithAService_WritesTheOverrideAndUndoRemovesIt()
    {
        var (code, stdout, _) = await RunAsync(Options() with { Yes = true });
        var written = File.Exists(Path.Combine(directory, "docker-compose.override.yml"));
        var (undoCode, _, _) = await RunAsync(Options() with { Undo = true });

        Assert.Multiple(() =>
        {
            Assert.That((code, undoCode), Is.EqualTo((HeimnetzCli.Ok, HeimnetzCli.Ok)));
            Assert.That(written, Is.True, stdout);
            Assert.That(File.Exists(Path.Combine(directory, "docker-compose.override.yml")), Is.False);
            Assert.That(File.ReadAllText(Path.Combine(directory, "docker-compose.yml")), Does.Not.Contain("extra_hosts"));
        });
    }

    [Test]
    public async Task Run_BadUserSecretsId_NamesIt()
    {
        var (code, _, stderr) = await RunAsync(Options() with { Yes = true, UserSecretsId = "../etc" });

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(HeimnetzCli.BadUsage));
            Assert.That(stderr, Does.Contain("'../etc'").And.Contain("UserSecretsId"));
        });
    }

    private FixOptions Options() => new() { Directory = directory, Report = Path.Combine(directory, "doctor.json"), Service = "app" };

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(FixOptions options, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value))).Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await new FixRunner(options, configuration, stdout, stderr, TimeProvider.System).RunAsync();
        return (code, stdout.ToString(), stderr.ToString());
    }
}
