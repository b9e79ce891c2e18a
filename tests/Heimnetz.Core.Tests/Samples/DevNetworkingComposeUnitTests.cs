using System.Diagnostics;
using Heimnetz.Harness.Fixtures;
using YamlDotNet.RepresentationModel;
using Heimnetz.Harness.Fixtures.Requirements;

namespace Heimnetz.Tests.Samples;

/// <summary>samples/docker-compose.dev-networking.yml promises a setup doctor finds healthy; these tests hold it to that.</summary>
[TestFixture]
public sealed class DevNetworkingComposeUnitTests
{
    private static readonly string SamplePath = Path.Combine(RepositoryRoot.Path, "samples", "docker-compose.dev-networking.yml");

    private YamlMappingNode services = null!;
    private YamlMappingNode networks = null!;

    [SetUp]
    public void Load()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(SamplePath))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        services = Mapping(root, "services");
        networks = Mapping(root, "networks");
    }

    [Test]
    public void Redis_HasARedisCliPingHealthcheck()
    {
        var redis = Mapping(services, "redis");
        var test = Sequence(Mapping(redis, "healthcheck"), "test").Select(Text).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Text(redis.Children[new YamlScalarNode("image")]), Is.EqualTo("redis:7.0"));
            Assert.That(test, Is.EqualTo(new[] { "CMD", "redis-cli", "ping" }));
        });
    }

    [Test]
    public void Services_ShareOneUserDefinedBridgeNetwork()
    {
        var redisNetworks = Sequence(Mapping(services, "redis"), "networks").Select(Text).ToList();
        var appNetworks = Sequence(Mapping(services, "app"), "networks").Select(Text).ToList();
        var shared = redisNetworks.Intersect(appNetworks).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(shared, Is.Not.Empty, "app and redis must share a network for the service name to resolve");
            Assert.That(shared, Has.None.EqualTo("default").And.None.EqualTo("bridge"), "the default bridge has no container DNS");
            foreach (var name in shared)
            {
                var network = Mapping(networks, name);
                Assert.That(Text(network.Children[new YamlScalarNode("driver")]), Is.EqualTo("bridge"), $"network '{name}'");
            }
        });
    }

    [Test]
    public void App_MapsTheHostGateway()
    {
        var extraHosts = Sequence(Mapping(services, "app"), "extra_hosts").Select(Text);

        Assert.That(extraHosts, Does.Contain("host.docker.internal:host-gateway"));
    }

    [Test]
    public void App_RedisUrlNamesTheRedisServiceAndWaitsForItsHealth()
    {
        var app = Mapping(services, "app");
        var url = new Uri(Text(Mapping(app, "environment").Children[new YamlScalarNode("REDIS_URL")]));
        var dependsOn = Mapping(Mapping(app, "depends_on"), url.Host);

        Assert.Multiple(() =>
        {
            Assert.That(url.Scheme, Is.EqualTo("redis"));
            Assert.That(services.Children.ContainsKey(new YamlScalarNode(url.Host)), Is.True, $"REDIS_URL host '{url.Host}' is a service");
            Assert.That(url.Port, Is.EqualTo(6379));
            Assert.That(Text(dependsOn.Children[new YamlScalarNode("condition")]), Is.EqualTo("service_healthy"));
        });
    }

    [Test]
    public async Task ComposeConfig_WhereComposeExists_AcceptsTheFile()
    {
        // Compose is documentation here; where it is installed, it must still accept the file.
        var docker = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "docker"))
            .FirstOrDefault(File.Exists);
        var available = docker is not null && await RunAsync(docker, "compose", "version") is (0, _);
        MachineRequirement.That(available, "'docker compose' is not available (eng/install-test-tools.sh installs it; Debian 13: apt-get install docker-compose); the file was checked by parsing only.");

        var (exit, output) = await RunAsync(docker!, "compose", "-f", SamplePath, "config", "--quiet");

        Assert.That(exit, Is.Zero, output);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static YamlMappingNode Mapping(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode mapping
            ? mapping
            : throw new AssertionException($"'{key}' is missing or not a mapping in {SamplePath}");

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode sequence
            ? sequence.Children
            : throw new AssertionException($"'{key}' is missing or not a list in {SamplePath}");

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;
}
