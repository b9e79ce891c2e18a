using System.Diagnostics;
using System.Text.Json;
using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Probe;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Probing;

namespace Heimnetz.Scenarios.Tests.Capture;

/// <summary>A capture taken inside a real container replays on the host to the same environment the container saw live.</summary>
[TestFixture]
[Category(DockerRequirement.Category)]
public sealed class CaptureReplayTests
{
    [OneTimeSetUp]
    public Task RequireEngine() => DockerRequirement.EnsureAsync();

    [Test]
    public async Task Capture_InContainerReplayedOnHost_GivesTheSameEnvironmentSection()
    {
        // Given: an app container on a user-defined network, with a secret in its environment
        await using var topology = new TopologyBuilder("capture-replay");
        var network = await topology.AddNetworkAsync("app");
        var app = await topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.On(network, "app"))
        {
            Environment = new Dictionary<string, string> { ["REDIS_PASSWORD"] = "capture-secret-value" },
        });

        // When: it probes live and captures; the host replays the capture
        var live = (await app.ProbeAsync()).RequireReport();
        var capture = await app.RunAsync(["capture", "-o", "/tmp/heimnetz-capture.tar.gz"]);
        Assert.That(capture.ExitCode, Is.Zero, capture.Stderr);
        var archive = Path.Combine(Path.GetTempPath(), $"heimnetz-capture-{Guid.NewGuid():N}.tar.gz");
        await File.WriteAllBytesAsync(archive, await app.Container.ReadFileAsync("/tmp/heimnetz-capture.tar.gz"));
        try
        {
            var replay = await ReplayOnHostAsync(archive);

            // Then: the same environment, and the secret nowhere in the archive
            Assert.Multiple(() =>
            {
                Assert.That(Json(replay.Environment), Is.EqualTo(Json(live.Environment)));
                Assert.That(replay.Environment.Container, Is.EqualTo("docker"));
                Assert.That(ArchiveText(archive), Does.Not.Contain("capture-secret-value"));
            });
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static string Json(EnvironmentSection section) => JsonSerializer.Serialize(section, ProbeReportJson.Options);

    private static string ArchiveText(string archive)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(archive), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    private static async Task<ProbeReport> ReplayOnHostAsync(string archive)
    {
        var start = new ProcessStartInfo(await ProbeArtifact.GetPathAsync()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "probe", "--json", "--sysroot", archive })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return ProbeReportJson.Deserialize(stdout);
    }
}
