using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Heimnetz.Harness.Fixtures;
using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Sessions;

namespace Heimnetz.Scenarios.Tests.Sessions;

/// <summary>
/// The engine is shared: eng/sweep.sh and the janitor may remove only what a finished Heimnetz run left behind, never
/// another project's Testcontainers container nor a live run's.
/// </summary>
[TestFixture]
[Category(DockerRequirement.Category)]
public sealed class SweepTests
{
    [Test]
    public async Task SweepScript_WithoutSession_LeavesOthersAndRemovesFinishedRuns()
    {
        await DockerRequirement.EnsureAsync();
        using var client = DockerEngine.CreateClient();
        var foreign = await CreateAsync(client, new() { ["org.testcontainers"] = "true" });
        var live = await CreateAsync(client, OwnedBy("live", Environment.ProcessId));
        var finished = await CreateAsync(client, OwnedBy("finished", await FinishedProcessIdAsync()));
        try
        {
            var (exit, output) = await RunAsync("bash", Path.Combine(RepositoryRoot.Path, "eng", "sweep.sh"));

            Assert.Multiple(async () =>
            {
                Assert.That(exit, Is.Zero, output);
                Assert.That(await ExistsAsync(client, foreign), Is.True, "a container labelled only org.testcontainers=true is someone else's");
                Assert.That(await ExistsAsync(client, live), Is.True, "a run whose process is alive is not abandoned");
                Assert.That(await ExistsAsync(client, finished), Is.False, "a run whose process is gone is swept");
            });
        }
        finally
        {
            foreach (var id in new[] { foreign, live, finished })
            {
                await RemoveAsync(client, id);
            }
        }
    }

    [Test]
    public async Task Janitor_SweepAbandoned_LeavesTestcontainersOfOthers()
    {
        await DockerRequirement.EnsureAsync();
        using var client = DockerEngine.CreateClient();
        var foreign = await CreateAsync(client, new() { ["org.testcontainers"] = "true" });
        try
        {
            await SessionJanitor.SweepAbandonedAsync();

            Assert.That(await ExistsAsync(client, foreign), Is.True);
        }
        finally
        {
            await RemoveAsync(client, foreign);
        }
    }

    private static Dictionary<string, string> OwnedBy(string name, int pid) => new()
    {
        [HarnessSession.SessionLabel] = $"sweep-test-{name}-{HarnessSession.Id}",
        [HarnessSession.OwnerHostLabel] = Environment.MachineName,
        [HarnessSession.OwnerProcessLabel] = pid.ToString(CultureInfo.InvariantCulture),
        [HarnessSession.CreatedLabel] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
    };

    // Created, never started: the sweep removes containers in any state, and a local image is never pulled.
    private static async Task<string> CreateAsync(DockerClient client, Dictionary<string, string> labels)
    {
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = LogicalImage.ProbeBase.OfflineTag,
            Cmd = ["true"],
            Labels = labels,
        });
        return created.ID;
    }

    private static async Task<bool> ExistsAsync(DockerClient client, string id)
    {
        try
        {
            await client.Containers.InspectContainerAsync(id);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    private static async Task RemoveAsync(DockerClient client, string id)
    {
        if (await ExistsAsync(client, id))
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }
    }

    private static async Task<int> FinishedProcessIdAsync()
    {
        using var process = Process.Start("true") ?? throw new InvalidOperationException("Could not start 'true'.");
        await process.WaitForExitAsync();
        return process.Id;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{file}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
