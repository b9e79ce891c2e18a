using System.Diagnostics;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Requirements;
using Heimnetz.Harness.Fixtures.Sessions;

namespace Heimnetz.Scenarios.Tests.Cli;

/// <summary>
/// <c>heimnetz-harness app</c> as a person runs it, on the sample service's image: it reproduces the situation, prints
/// what the app reported and what the sidecar saw, and with <c>--keep</c> leaves up exactly the situation's containers
/// and network, which the printed tear-down removes.
/// </summary>
[Category(DockerRequirement.Category)]
public sealed partial class AppCommandTests
{
    private const string SampleImage = "heimnetz/sample-service:dev";

    [SetUp]
    public async Task RequireEngineAndSampleImage()
    {
        await DockerRequirement.EnsureAsync();
        using var client = DockerEngine.CreateClient();
        var images = await client.Images.ListImagesAsync(new ImagesListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [SampleImage] = true } } });
        MachineRequirement.That(images.Count > 0, $"the image {SampleImage} is not on the engine (./build.sh --target=SampleImage builds it)");
    }

    [Test]
    public async Task App_PortConflictWithTheSampleImage_ReportsHealthyAndWhatTheSidecarSaw()
    {
        var (exitCode, stdout, stderr) = await RunHarnessAsync("app", "port-conflict", "--app-image", SampleImage, "--app-port", "5003", "--app-health", "/health/ready", "--expect", "Healthy");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, stdout + stderr);
            Assert.That(stdout, Does.Match(@"start\s+Healthy \(HTTP 200\)"));
            Assert.That(stdout, Does.Contain("redis:6379 not-redis"), "the sidecar sees the squatter");
            Assert.That(stdout, Does.Contain("redis-dev:6379 ready"), "the sidecar sees the real Redis");
            Assert.That(stdout, Does.Contain("holds: app reports Healthy"));
        });
    }

    [Test]
    public async Task App_Keep_LeavesExactlyTheTopologyUpUntilTheTearDown()
    {
        // When
        var (exitCode, stdout, stderr) = await RunHarnessAsync("app", "port-conflict", "--app-image", SampleImage, "--app-port", "5003", "--app-health", "/health/ready", "--keep");
        var session = SessionOf().Match(stdout);
        Assert.That(exitCode == 0 && session.Success, Is.True, $"exit {exitCode}, no tear-down line:{Environment.NewLine}{stdout}{stderr}");
        var id = session.Groups["id"].Value;
        try
        {
            // Then: the squatter, Redis, the app and its sidecar, running, on the one network the situation made
            using var client = DockerEngine.CreateClient();
            var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{HarnessSession.SessionLabel}={id}"] = true } };
            var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
            var networks = await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter });
            Assert.Multiple(() =>
            {
                Assert.That(containers.Select(c => c.Image).Order(), Is.EqualTo(new[] { SampleImage, "heimnetz/probe-base:1", "heimnetz/probe-base:1", "heimnetz/redis:7.0" }.Order()));
                Assert.That(containers.Select(c => c.State), Is.All.EqualTo("running"));
                Assert.That(networks, Has.Count.EqualTo(1));
                var app = containers.Single(c => c.Image == SampleImage);
                Assert.That(stdout, Does.Contain($"docker exec -it {app.ID[..12]} sh"), "the shell command names the app");
            });
        }
        finally
        {
            // The tear-down the command printed, by its label
            await SessionJanitor.RemoveSessionAsync(id);
        }

        using var after = DockerEngine.CreateClient();
        var left = await after.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{HarnessSession.SessionLabel}={id}"] = true } } });
        Assert.That(left, Is.Empty);
    }

    [GeneratedRegex(@"label=org\.heimnetz\.session=(?<id>[0-9a-f-]+)\)")]
    private static partial Regex SessionOf();

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunHarnessAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Heimnetz.Harness.Scenarios.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TESTCONTAINERS_RYUK_DISABLED"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous for a cold start on a loaded machine (the probe may be published first); a hang still ends the test.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the harness did not finish within 6 minutes: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
