using Docker.DotNet;
using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Scenarios.Tests.Topology;

/// <summary>
/// A topology removes what it made when it ends, not only at the end of the session: `--repeat` runs the same cell
/// again in one session, with the same container network names.
/// </summary>
[TestFixture]
[Category(DockerRequirement.Category)]
public sealed class TopologyTeardownTests
{
    [Test]
    public async Task DisposeAsync_SameTopologyTwiceInOneSession_LeavesNothingAndReusesTheNames()
    {
        await DockerRequirement.EnsureAsync();
        using var client = DockerEngine.CreateClient();
        var made = new List<(string Container, string Network)>();

        for (var run = 0; run < 2; run++)
        {
            var topology = new TopologyBuilder("teardown-twice");
            await using (topology)
            {
                var network = await topology.AddNetworkAsync("app");
                var redis = await topology.AddRedisAsync("redis", new RedisNodeSpec(LogicalImage.Redis70, Attachment.On(network, "redis")));
                made.Add((redis.CreatedId!, network.Name));
            }
        }

        Assert.Multiple(async () =>
        {
            Assert.That(made.Select(pair => pair.Network).Distinct().Count(), Is.EqualTo(1), "both runs use the same network name");
            foreach (var (container, network) in made)
            {
                Assert.That(await ExistsAsync(() => client.Containers.InspectContainerAsync(container)), Is.False, $"container {container} was left behind");
                Assert.That(await ExistsAsync(() => client.Networks.InspectNetworkAsync(network)), Is.False, $"network {network} was left behind");
            }
        });
    }

    private static async Task<bool> ExistsAsync(Func<Task> inspect)
    {
        try
        {
            await inspect();
            return true;
        }
        catch (DockerApiException error) when (error.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
