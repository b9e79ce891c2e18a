using System.Net;
using System.Text.Json;
using Heimnetz.Harness.Fixtures;
using Heimnetz.Harness.Fixtures.Engine;

namespace Heimnetz.Sample.Tests.Images;

/// <summary>
/// The Dockerfile is built here, by eng/sample-image.sh, on the offline base (never pulled) and run beside a real Redis
/// container on a network this test creates: what a user gets from the same file on their own base image.
/// </summary>
[TestFixture]
[Category(DockerRequirement.Category)]
public sealed class SampleImageDockerTests
{
    private const string BaseImage = "heimnetz/probe-base:1";
    private const string RedisImage = "heimnetz/redis:7.0";

    [Test]
    public async Task Image_OnAUserDefinedNetworkWithRedis_ServesStatusAndReadyAndRunsDoctor()
    {
        await DockerRequirement.EnsureAsync();
        var id = "heimnetz-sample-" + Guid.NewGuid().ToString("N")[..8];
        var tag = $"heimnetz/sample-service:{id}";
        var (built, _, buildErrors) = await DockerCli.RunAsync(
            "bash", [Path.Combine(RepositoryRoot.Path, "eng", "sample-image.sh"), "--base", BaseImage, "--tag", tag], TimeSpan.FromMinutes(10));
        Assert.That(built, Is.Zero, $"eng/sample-image.sh failed: {buildErrors}");
        try
        {
            await DockerCli.MustAsync("network", "create", "--label", "org.heimnetz.sample=1", id);
            await DockerCli.MustAsync("run", "-d", "--name", $"{id}-redis", "--network", id, "--network-alias", "redis", RedisImage, "redis-server", "--save", "", "--appendonly", "no");
            await DockerCli.MustAsync("run", "-d", "--name", $"{id}-app", "--network", id, "-e", "REDIS_URL=redis://redis:6379", "-p", "127.0.0.1::5003", tag);
            var port = (await DockerCli.MustAsync("port", $"{id}-app", "5003/tcp")).Split('\n')[0].Split(':')[^1];
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            var ready = await ReadyAsync(client, $"{id}-app");
            using var status = JsonDocument.Parse(await client.GetStringAsync("/status"));
            var doctor = await DockerCli.DockerAsync("exec", $"{id}-app", "heimnetz", "doctor");
            var (stopped, _, _) = await DockerCli.DockerAsync("stop", "--time", "15", $"{id}-app");
            var exitCode = await DockerCli.MustAsync("inspect", "--format", "{{.State.ExitCode}}", $"{id}-app");

            var root = status.RootElement;
            Assert.Multiple(() =>
            {
                Assert.That(ready, Is.EqualTo("Healthy"));
                Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("heimnetz.status/1"));
                Assert.That(root.GetProperty("environment").GetProperty("container").GetString(), Is.EqualTo("docker"));
                Assert.That(root.GetProperty("environment").GetProperty("networkMode").GetString(), Is.EqualTo("bridge"));
                Assert.That(root.GetProperty("discovery").GetProperty("mode").GetString(), Is.EqualTo("configured"), "REDIS_URL is configured");
                Assert.That(root.GetProperty("discovery").GetProperty("report").GetProperty("chosen").GetString(), Is.EqualTo("redis:6379"));
                Assert.That(root.GetProperty("cache").GetProperty("mode").GetString(), Is.EqualTo("redis"));
                Assert.That(doctor.ExitCode, Is.Zero, $"heimnetz doctor in the image: {doctor.Stdout}{doctor.Stderr}");
                Assert.That(doctor.Stdout, Does.Contain("verdict: healthy"));
                Assert.That(stopped, Is.Zero);
                Assert.That(exitCode, Is.EqualTo("0"), "SIGTERM ends the service cleanly within the stop timeout");
            });
        }
        finally
        {
            await DockerCli.DockerAsync("rm", "-f", $"{id}-app", $"{id}-redis");
            await DockerCli.DockerAsync("network", "rm", id);
            await DockerCli.DockerAsync("image", "rm", tag);
        }
    }

    /// <summary>The body of <c>/health/ready</c> once it answers 200; fails with the container's log after a generous bound.</summary>
    private static async Task<string> ReadyAsync(HttpClient client, string container)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync("/health/ready");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && body == "Healthy")
                {
                    return body;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        var (_, logs, errors) = await DockerCli.DockerAsync("logs", container);
        Assert.Fail($"/health/ready never answered Healthy within 60 s; container log:{Environment.NewLine}{logs}{errors}");
        return string.Empty;
    }
}
