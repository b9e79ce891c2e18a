using System.CommandLine;
using System.Text.Json;
using Heimnetz.Cli;
using Heimnetz.Cli.Commands;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Tests.Cli.Commands;

/// <summary><c>--config</c> and <c>--redis-url</c> on probe, doctor and watch, and the exit codes that tell bad usage from bad settings.</summary>
[TestFixture]
public sealed class RedisSettingsOptionsUnitTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("heimnetz-settings-test-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void ExitCodes_UsageAndConfiguration_AreTheSysexitsCodesAndDistinctFromTheVerdicts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(HeimnetzCli.BadUsage, Is.EqualTo(64), "EX_USAGE");
            Assert.That(HeimnetzCli.BadConfiguration, Is.EqualTo(78), "EX_CONFIG");
            Assert.That(new[] { HeimnetzCli.Ok, HeimnetzCli.Degraded, DoctorCommand.Broken, DoctorCommand.Inconclusive }, Is.EqualTo(new[] { 0, 1, 2, 3 }));
        });
    }

    [Test]
    public async Task Probe_ConfigFileWithNamedConnectionString_ProbesOnlyThatEndpoint()
    {
        // Given: an appsettings.json as an ASP.NET Core app has it, naming a port where nothing listens
        var port = RedisServerProcess.FreeLoopbackPort();
        var file = await WriteAsync("appsettings.json", $$"""{ "ConnectionStrings": { "Redis": "127.0.0.1:{{port}}" } }""");

        // When
        var (exit, stdout, stderr) = await RunAsync(["probe", "--json", "--config", file]);

        // Then: exactly that endpoint, as configured, refused
        using var report = JsonDocument.Parse(stdout);
        var discovery = report.RootElement.GetProperty("discovery");
        var candidate = discovery.GetProperty("candidates").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.Ok), stderr);
            Assert.That(discovery.GetProperty("mode").GetString(), Is.EqualTo("configured"));
            Assert.That(candidate.GetProperty("endpoint").GetString(), Is.EqualTo($"127.0.0.1:{port}"));
            Assert.That(candidate.GetProperty("source").GetString(), Is.EqualTo("config"));
            Assert.That(candidate.GetProperty("outcome").GetString(), Is.EqualTo("refused"));
        });
    }

    [Test]
    public async Task Doctor_BadRedisUrlFlag_ExitsWithBadConfigurationNamingTheSettingAndTheFlag()
    {
        var (exit, stdout, stderr) = await RunAsync(["doctor", "--json", "--redis-url", "http://nope:6379"]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.BadConfiguration), stderr);
            Assert.That(stderr, Does.Contain("REDIS_URL").And.Contain("http://nope:6379").And.Contain("--redis-url"));
            Assert.That(stdout, Is.Empty);
        });
    }

    [TestCase("probe")]
    [TestCase("doctor")]
    [TestCase("watch")]
    public async Task Command_MissingConfigFile_ExitsWithBadUsageNamingTheFile(string command)
    {
        var missing = Path.Combine(directory, "appsettings.Missing.json");

        var (exit, stdout, stderr) = await RunAsync([command, "--config", missing]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.BadUsage), stderr);
            Assert.That(stderr, Does.Contain($"--config '{missing}' does not exist"));
            Assert.That(stdout, Is.Empty);
        });
    }

    [Test]
    public async Task Probe_ConfigFileThatIsNotJson_ExitsWithBadConfigurationNamingTheFile()
    {
        var file = await WriteAsync("appsettings.json", "{ \"Heimnetz\": ");

        var (exit, _, stderr) = await RunAsync(["probe", "--config", file]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.BadConfiguration), stderr);
            Assert.That(stderr, Does.Contain($"--config '{file}' is not valid JSON"));
        });
    }

    [Test]
    public async Task Probe_ConfigFileWithBadTimeout_ExitsWithBadConfigurationNamingTheKey()
    {
        var file = await WriteAsync("appsettings.json", """{ "Heimnetz": { "Redis": { "Budget": "soon" } } }""");

        var (exit, _, stderr) = await RunAsync(["probe", "--config", file]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.BadConfiguration), stderr);
            Assert.That(stderr, Does.Contain("Heimnetz:Redis:Budget").And.Contain("'soon'"));
        });
    }

    [Test]
    [Category(RedisServerProcess.Category)]
    public async Task Watch_FixedEndpointWithAclUser_UsesRedisUsernameFromTheSettings()
    {
        // Given: a Redis whose default user is off, and an ACL user known only through REDIS_USERNAME/REDIS_PASSWORD
        RedisServerProcess.RequireBinary();
        await using var redis = await RedisServerProcess.StartAsync("--user", "default", "off", "--user", "watcher", "on", ">watch-secret-5521", "~*", "&*", "+@all");
        var environment = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["REDIS_USERNAME"] = "watcher",
            ["REDIS_PASSWORD"] = "watch-secret-5521",
        }).Build();

        // When
        var (exit, stdout, stderr) = await RunWatchAsync(environment, ["watch", "--endpoint", redis.Endpoint, "--duration", "3s", "--interval", "20ms", "--json"]);

        // Then: the cache reached Redis as that user, and the password appears nowhere
        var modes = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.GetProperty("type").GetString() == "tick")
            .Select(line => line.GetProperty("mode").GetString())
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.Ok), stderr);
            Assert.That(modes, Does.Contain("redis"), stdout);
            Assert.That(stdout + stderr, Does.Not.Contain("watch-secret-5521"));
        });
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await HeimnetzCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunWatchAsync(IConfiguration environment, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = new RootCommand { WatchCommand.Create(stdout, stderr, () => environment) };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
