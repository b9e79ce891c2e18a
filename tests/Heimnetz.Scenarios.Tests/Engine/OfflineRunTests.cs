using System.Diagnostics;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using Heimnetz.Harness.Fixtures;
using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Sessions;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios;
using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Scenarios.Tests.Engine;

/// <summary>
/// The harness on a machine without a registry, with or without the build script: it never pulls (neither a missing
/// image nor Ryuk's), and a failed step is a report, also with <c>--keep</c>.
/// </summary>
[TestFixture]
[Category(DockerRequirement.Category)]
public sealed partial class OfflineRunTests
{
    // Never built by eng/images, so the engine does not have it; a pull would ask a registry for it.
    private static readonly LogicalImage NotBuilt = new("redis-not-built", $"heimnetz/redis:not-built-{Guid.NewGuid():N}", "redis:not-built");

    [Test]
    public async Task AddRedis_ImageNotOnTheEngine_FailsNamingTheCommandThatBuildsIt()
    {
        await DockerRequirement.EnsureAsync();
        var topology = new TopologyBuilder("missing-image");
        await using (topology)
        {
            var start = () => topology.AddRedisAsync("redis", new RedisNodeSpec(NotBuilt, Attachment.Nothing));

            Assert.That(start, Throws.InstanceOf<ImageNotBuiltException>()
                .With.Message.Contains(NotBuilt.OfflineTag).And.Message.Contains(ImageNotBuiltException.BuildCommand));
        }
    }

    [Test]
    public async Task RunOne_KeepAndAStepFails_ReportsTheStepInsteadOfThrowing()
    {
        await DockerRequirement.EnsureAsync();
        var result = await new ScenarioEngine().RunOneAsync(Catalog.Find("port-conflict"), NotBuilt, keep: true);
        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(result.Status, Is.EqualTo(ScenarioStatus.Failed), result.Describe());
                Assert.That(result.Failure, Does.Contain("start Redis").And.Contain(ImageNotBuiltException.BuildCommand));
                Assert.That(result.KeptContainers.Select(kept => kept.Role), Is.EquivalentTo(new[] { "squatter" }), "the squatter started; Redis never existed");
            });
        }
        finally
        {
            await RemoveKeptAsync(result, NotBuilt);
        }
    }

    [Test]
    public async Task HarnessRunKeep_WithoutRyukSettingInTheEnvironment_RunsAndPrintsTheTearDown()
    {
        await DockerRequirement.EnsureAsync();
        var harness = Path.Combine(AppContext.BaseDirectory, "Heimnetz.Harness.Scenarios.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in new[] { harness, "run", "port-conflict", "--keep" })
        {
            start.ArgumentList.Add(argument);
        }

        // As a developer runs it by hand: no build script in between to switch Ryuk off.
        start.Environment.Remove("TESTCONTAINERS_RYUK_DISABLED");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the harness.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        var session = TearDown().Match(output);
        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(output, Does.Not.Contain("Unhandled exception"));
                Assert.That(output, Does.Not.Contain("ryuk").IgnoreCase, "Ryuk's image would be pulled");
                Assert.That(session.Success, Is.True, $"expected the tear-down line:{Environment.NewLine}{output}");
                Assert.That(process.ExitCode, Is.Zero, output);
            });
        }
        finally
        {
            if (session.Success)
            {
                await SessionJanitor.RemoveSessionAsync(session.Groups[1].Value);
            }
        }
    }

    private static async Task RemoveKeptAsync(ScenarioResult result, LogicalImage server)
    {
        using var client = DockerEngine.CreateClient();
        foreach (var (_, id) in result.KeptContainers)
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }

        var prefix = $"heimnetz-{result.Scenario.Name}-{server.Name.Replace('.', '-')}-";
        var networks = await client.Networks.ListNetworksAsync(new NetworksListParameters());
        foreach (var network in networks.Where(n => n.Name.StartsWith(prefix, StringComparison.Ordinal) && n.Name.EndsWith(HarnessSession.Id, StringComparison.Ordinal)))
        {
            await client.Networks.DeleteNetworkAsync(network.ID);
        }
    }

    [GeneratedRegex(@"tear down: eng/sweep\.sh (\S+)")]
    private static partial Regex TearDown();
}
