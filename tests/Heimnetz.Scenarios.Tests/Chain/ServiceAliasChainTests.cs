using DotNet.Testcontainers.Builders;
using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Sessions;
using Testcontainers.Redis;

namespace Heimnetz.Scenarios.Tests.Chain;

/// <summary>The whole chain in one test: engine, offline image, labelled network, alias DNS, and a RESP PING across containers.</summary>
[TestFixture]
[Category(DockerRequirement.Category)]
public sealed class ServiceAliasChainTests
{
    [OneTimeSetUp]
    public Task RequireEngine() => DockerRequirement.EnsureAsync();

    [Test]
    public async Task Ping_ByServiceAliasFromSecondContainer_AnswersPong()
    {
        // Given: a fresh labelled user-defined network with Redis 7.0 on it as "redis"
        await using var network = new NetworkBuilder()
            .WithName($"heimnetz-chain-{HarnessSession.Id}")
            .WithLabel(HarnessSession.Labels)
            .WithCleanUp(false)
            .Build();
        await network.CreateAsync();

        await using var redis = new RedisBuilder(LogicalImage.Redis70.Reference)
            .WithNetwork(network)
            .WithNetworkAliases("redis")
            .WithLabel(HarnessSession.Labels)
            .WithCleanUp(false)
            .WithImagePullPolicy(LogicalImage.Redis70.PullPolicy)
            .Build();
        await redis.StartAsync();

        await using var app = new ContainerBuilder(LogicalImage.ProbeBase.Reference)
            .WithNetwork(network)
            .WithLabel(HarnessSession.Labels)
            .WithCleanUp(false)
            .WithImagePullPolicy(LogicalImage.ProbeBase.PullPolicy)
            .WithCommand("sleep", "infinity")
            .Build();
        await app.StartAsync();

        // When: the second container speaks RESP to the alias
        var result = await app.ExecAsync(["sh", "-c", "printf 'PING\\r\\n' | socat -t 2 - TCP:redis:6379"]);

        // Then
        Assert.That(result.Stdout, Is.EqualTo("+PONG\r\n"), $"exit {result.ExitCode}, stderr: {result.Stderr}");
    }
}
