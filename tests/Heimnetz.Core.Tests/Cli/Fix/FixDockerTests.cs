using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Heimnetz.Cli;
using Heimnetz.Cli.Commands;
using Heimnetz.Cli.Fix;
using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Remedies;
using Heimnetz.Harness.Fixtures.Engine;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Tests.Cli.Fix;

/// <summary>
/// heimnetz fix against the real engine: every container these tests make carries fix's labels and the scope of a
/// temporary directory of their own, so they find, and remove, only their own.
/// </summary>
[TestFixture]
[Category(DockerRequirement.Category)]
[NonParallelizable]
public sealed class FixDockerTests
{
    private static readonly IConfiguration NoSettings = new ConfigurationBuilder().Build();

    private string directory = null!;
    private DockerClient client = null!;

    [OneTimeSetUp]
    public static Task RequireEngine() => DockerRequirement.EnsureAsync();

    [SetUp]
    public void SetUp()
    {
        directory = Directory.CreateTempSubdirectory("heimnetz-fix-docker-").FullName;
        client = FixEngine.From(NoSettings).Connect();
    }

    [TearDown]
    public async Task TearDown()
    {
        await new DevelopmentRedis(client, new FixOwnership(directory), TimeProvider.System).RemoveAsync();
        client.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Fix_SquatterOn6379_StartsRedisElsewhereThatProbeChooses_AndUndoLeavesTheEngineAsItWas()
    {
        // Given: a plain TCP listener on 6379
        await using var squatter = Squatter.TryOn(6379);
        if (squatter is null)
        {
            Assert.Ignore("Port 6379 is held by something this test did not start; the squatter scenario needs it free.");
        }

        var before = await OursAsync();

        // When
        var (code, stdout, stderr) = await RunAsync(new FixOptions { Directory = directory, Yes = true });
        var url = DotEnvFile.Read(Path.Combine(directory, ".env"), "REDIS_URL");
        var probe = await ProbeAsync(url!);

        // Then: a Redis on another port, and the probe chooses it
        var port = new Uri(url!).Port;
        using (var report = JsonDocument.Parse(probe))
        {
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(HeimnetzCli.Ok), stderr);
                Assert.That(stdout, Does.Contain("apply  start-development-redis").And.Contain("started heimnetz-dev-redis-"));
                Assert.That(stdout, Does.Not.Contain(new Uri(url!).UserInfo.TrimStart(':')), "the password stays out of the console");
                Assert.That(port, Is.Not.EqualTo(6379));
                Assert.That(report.RootElement.GetProperty("discovery").GetProperty("chosen").GetString(), Is.EqualTo($"127.0.0.1:{port}"));
                Assert.That(report.RootElement.GetProperty("cache").GetProperty("mode").GetString(), Is.EqualTo("redis"));
            });
        }

        // When: run again, then undo
        var first = await OursAsync();
        var (againCode, again, _) = await RunAsync(new FixOptions { Directory = directory, Yes = true });
        var second = await OursAsync();
        var (undoCode, _, _) = await RunAsync(new FixOptions { Directory = directory, Undo = true });
        var after = await OursAsync();

        // Then: the second run reused the first one's Redis; undo left the engine as it was
        Assert.Multiple(() =>
        {
            Assert.That((againCode, undoCode), Is.EqualTo((HeimnetzCli.Ok, HeimnetzCli.Ok)));
            Assert.That(again, Does.Contain("reused heimnetz-dev-redis-"));
            Assert.That(second, Is.EqualTo(first).And.Count.EqualTo(1));
            Assert.That(DotEnvFile.Read(Path.Combine(directory, ".env"), "REDIS_URL"), Is.Null);
            Assert.That(after, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Start_AnotherProcessTakesThePortAfterTheCheck_StartsOnTheNextPortAndLeavesNoHalfMadeContainer()
    {
        // Given: whoever takes the port in the window between fix's check and the engine's bind
        var preferred = FreePort();
        TcpListener? thief = null;
        var redis = new DevelopmentRedis(client, new FixOwnership(directory), TimeProvider.System)
        {
            AfterPortCheck = port =>
            {
                if (thief is null)
                {
                    thief = new TcpListener(IPAddress.Loopback, port);
                    thief.Start();
                }

                return Task.CompletedTask;
            },
        };

        try
        {
            // When
            var instance = await redis.StartAsync(null, allowPull: false, preferred);

            // Then
            var ours = await redis.ListOursAsync();
            Assert.Multiple(() =>
            {
                Assert.That(instance.Port, Is.GreaterThan(preferred));
                Assert.That(ours, Has.Count.EqualTo(1), "the container that lost the race is gone");
                Assert.That(ours.Single().State, Is.EqualTo("running"));
            });
        }
        finally
        {
            thief?.Dispose();
        }
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public async Task Fix_ReadOnlyDirectory_FailsBeforeStartingAnything()
    {
        var readOnly = ReadOnlyDirectories.Create(directory);
        var report = WriteReport(new StartDevelopmentRedis(FreePort()));

        var (code, _, stderr) = await RunAsync(new FixOptions { Directory = readOnly, Report = report, Yes = true });

        Assert.Multiple(async () =>
        {
            Assert.That(code, Is.EqualTo(FixCommand.Failed));
            Assert.That(stderr, Does.Contain($"Cannot write in {readOnly}").And.Contain("nothing was changed"));
            Assert.That(await new DevelopmentRedis(client, new FixOwnership(readOnly), TimeProvider.System).ListOursAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task Fix_UrlCannotBeWrittenAfterTheStart_RemovesTheRedisItStarted()
    {
        // Given: user secrets under a home nobody can write to, found only after the Redis started
        var report = WriteReport(new StartDevelopmentRedis(FreePort()));
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new("HOME", "/sys")]).Build();

        // When
        var (code, _, stderr) = await RunAsync(new FixOptions { Directory = directory, Report = report, Yes = true, UserSecretsId = "shop-1234" }, settings);

        // Then
        Assert.Multiple(async () =>
        {
            Assert.That(code, Is.EqualTo(FixCommand.Failed));
            Assert.That(stderr, Does.Contain("Cannot write /sys/.microsoft"));
            Assert.That(await OursAsync(), Is.Empty, "a Redis whose password went nowhere is half-made");
        });
    }

    [Test]
    public async Task Fix_ImageNotOnTheEngine_RefusesToPullWithoutAllowPull()
    {
        var report = WriteReport(new StartDevelopmentRedis(FreePort()));

        var (code, _, stderr) = await RunAsync(new FixOptions { Directory = directory, Report = report, Yes = true, Image = "heimnetz/not-built-here:0" });

        Assert.Multiple(async () =>
        {
            Assert.That(code, Is.EqualTo(FixCommand.Failed));
            Assert.That(stderr, Does.Contain("heimnetz/not-built-here:0").And.Contain("--allow-pull"));
            Assert.That(await OursAsync(), Is.Empty);
            Assert.That(File.Exists(Path.Combine(directory, ".env")), Is.False);
        });
    }

    private string WriteReport(RemedyAction action)
    {
        var path = Path.Combine(directory, "doctor.json");
        var report = new DoctorReport(DoctorVerdict.Broken, [new Finding(FindingCodes.CacheMemoryMode, FindingSeverity.Error, "memory", [], action)]);
        File.WriteAllText(path, DoctorReportJson.Serialize(report));
        return path;
    }

    // Containers and networks of fix's for this test's directory, as ids: what --undo must leave as it found.
    private async Task<List<string>> OursAsync()
    {
        var filter = new FixOwnership(directory).Filter;
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
        var networks = await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter });
        return [.. containers.Select(container => container.ID).Concat(networks.Select(network => network.ID)).Order(StringComparer.Ordinal)];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(FixOptions options, IConfiguration? settings = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await new FixRunner(options, settings ?? NoSettings, stdout, stderr, TimeProvider.System).RunAsync();
        return (code, stdout.ToString(), stderr.ToString());
    }

    // The real CLI in its own process, with REDIS_URL set as the .env fix wrote would set it.
    private static async Task<string> ProbeAsync(string url)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "heimnetz.dll"));
        start.ArgumentList.Add("probe");
        start.ArgumentList.Add("--json");
        start.Environment["REDIS_URL"] = url;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await error);
        return await output;
    }
}
