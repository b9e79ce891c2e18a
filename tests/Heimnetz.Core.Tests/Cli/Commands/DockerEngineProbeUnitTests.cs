using Heimnetz.Cli.Commands;
using Heimnetz.Diagnostics;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Tests.Cli.Commands;

[TestFixture]
public sealed class DockerEngineProbeUnitTests
{
    private const string Version = """{"Version":"26.1.5","ApiVersion":"1.45","MinAPIVersion":"1.24","Os":"linux","Arch":"amd64"}""";

    private const string Containers = """
        [
          {"Id":"0123456789abcdef0123","Names":["/dev-redis-1"],"Image":"redis:7.0","State":"running",
           "Ports":[{"IP":"0.0.0.0","PrivatePort":6379,"PublicPort":6379,"Type":"tcp"},{"PrivatePort":16379,"Type":"tcp"}]},
          {"Id":"fedcba9876543210fedc","Names":null,"Image":"nginx:1.27","State":"running",
           "Ports":[{"PrivatePort":80,"PublicPort":6380,"Type":"tcp"}]}
        ]
        """;

    private static IConfiguration Configuration(string? dockerHost) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = dockerHost,
            // No PATH: the docker CLI is never found, whatever this machine has installed.
            ["PATH"] = string.Empty,
        }).Build();

    private static Task<EngineProbeResult> ProbeAsync(string? dockerHost) =>
        new DockerEngineProbe(TimeProvider.System).ProbeAsync(Configuration(dockerHost), inContainer: false);

    [Test]
    public async Task ProbeAsync_EngineAnswers_IsReachableWithVersionsAndPublishedPorts()
    {
        await using var engine = FakeDockerEngine.Start(Version, Containers);

        var result = await ProbeAsync(engine.DockerHost);

        Assert.Multiple(() =>
        {
            Assert.That(result.State, Is.EqualTo(EngineState.Reachable), result.Problem);
            Assert.That((result.EngineVersion, result.ApiVersion), Is.EqualTo(("26.1.5", "1.45")));
            Assert.That(result.Endpoint, Is.EqualTo(engine.DockerHost + "/"));
            Assert.That(result.CliPath, Is.Null);
            Assert.That(result.PublishedPorts, Is.EqualTo(new[]
            {
                new PublishedPort("dev-redis-1", "redis:7.0", 6379, 6379, "0.0.0.0"),
                new PublishedPort("fedcba987654", "nginx:1.27", 6380, 80, null),
            }));
            Assert.That(engine.Requests, Has.Some.EndsWith("/version").And.Some.EndsWith("/containers/json"));
        });
    }

    [TestCase("not a uri", "DOCKER_HOST is not a URI; expected unix:///path/to/docker.sock")]
    [TestCase("unix:///nonexistent/heimnetz-test/docker.sock", "SocketException")]
    public async Task ProbeAsync_DockerHostNamesNoEngine_IsUnreachableWithTheProblem(string dockerHost, string problem)
    {
        var result = await ProbeAsync(dockerHost);

        Assert.Multiple(() =>
        {
            Assert.That(result.State, Is.EqualTo(EngineState.Unreachable));
            Assert.That(result.Endpoint, Is.EqualTo(dockerHost));
            Assert.That(result.Problem, Does.Contain(problem));
        });
    }

    [Test]
    public async Task ProbeAsync_TcpDockerHostWithCredentials_ShowsTheEndpointWithoutThem()
    {
        var port = RedisServerProcess.FreeLoopbackPort();

        var result = await ProbeAsync($"tcp://builder:s3cret-5521@127.0.0.1:{port}");

        Assert.Multiple(() =>
        {
            Assert.That(result.State, Is.EqualTo(EngineState.Unreachable));
            Assert.That(result.Endpoint, Is.EqualTo($"tcp://127.0.0.1:{port}/"));
            Assert.That(result.Endpoint + result.Problem, Does.Not.Contain("s3cret-5521").And.Not.Contain("builder"));
        });
    }
}
