using Docker.DotNet.Models;
using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Sessions;
using Heimnetz.Testing;

namespace Heimnetz.Scenarios.Tests.Apps;

/// <summary>What a user sees when their image is not on the engine: a message naming it, no pull, and nothing left behind.</summary>
[Category(DockerRequirement.Category)]
public sealed class AppRunDockerTests
{
    [SetUp]
    public Task RequireEngine() => DockerRequirement.EnsureAsync();

    [Test]
    public async Task StartAsync_AppImageMissing_SaysSoWithoutPullingAndLeavesNothing()
    {
        const string Missing = "heimnetz/not-built-anywhere:never";

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => AppRun.StartAsync(Situations.Isolated, AppUnderTest.FromImage(Missing, 8080)));

        using var client = DockerEngine.CreateClient();
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{HarnessSession.SessionLabel}={HarnessSession.Id}"] = true } };
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
        var networks = await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter });
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain($"The image '{Missing}' is not on this Docker engine, and Heimnetz.Testing never pulls it"));
            Assert.That(error.Message, Does.Contain("did not come up in 'isolated'"));
            Assert.That(containers, Is.Empty, "no container of this run is left");
            Assert.That(networks, Is.Empty, "no network of this run is left");
        });
    }
}
