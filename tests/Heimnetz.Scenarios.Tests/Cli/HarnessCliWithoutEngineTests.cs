using System.Diagnostics;
using System.Net.Sockets;
using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Scenarios.Tests.Reports;

namespace Heimnetz.Scenarios.Tests.Cli;

/// <summary>
/// The harness CLI as a person starts it, on a machine where no Docker engine answers: DOCKER_HOST names a unix socket
/// that was bound and closed again, and — since Testcontainers falls back to the local socket when DOCKER_HOST does not
/// answer — the child runs in its own mount namespace with /var/run/docker.sock covered by an empty file. Commands that
/// need no engine must not need one, and usage errors say what was wrong.
/// </summary>
public sealed class HarnessCliWithoutEngineTests
{
    private DirectoryInfo scratch = null!;
    private string closedSocket = string.Empty;

    [SetUp]
    public void CloseASocket()
    {
        scratch = Directory.CreateTempSubdirectory("heimnetz-cli-");
        closedSocket = Path.Combine(scratch.FullName, "docker.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(closedSocket));
    }

    [TearDown]
    public void RemoveScratch() => scratch.Delete(recursive: true);

    [Test]
    public async Task List_WithoutAnEngine_ListsTheScenarios()
    {
        var (exitCode, stdout, stderr) = await RunHarnessAsync("list");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("bridge-service-name").And.Contain("host-gateway-alias"));
            Assert.That(stderr, Does.Not.Contain("Exception"));
        });
    }

    [Test]
    public async Task Report_WithoutAnEngine_WritesTheReport()
    {
        // Given one cell file and its approved row
        var cell = SyntheticCells.Passed("isolated", "redis-7.0");
        var cells = scratch.CreateSubdirectory("cells").FullName;
        var approved = scratch.CreateSubdirectory("approved").FullName;
        var output = Path.Combine(scratch.FullName, "out");
        await CellStore.WriteAsync(cells, cell);
        await File.WriteAllTextAsync(Path.Combine(approved, "matrix-redis-7.0.verified.md"), ResolutionMatrix.ToMarkdown([cell.Row]));

        // When
        var (exitCode, stdout, stderr) = await RunHarnessAsync("report", "--cells", cells, "--out", output, "--approved", approved);

        // Then
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, stdout + stderr);
            Assert.That(File.Exists(Path.Combine(output, "report.html")), Is.True);
            Assert.That(stderr, Does.Not.Contain("Exception"));
        });
    }

    [TestCase("0")]
    [TestCase("many")]
    public async Task Cells_RepeatNotAPositiveInteger_IsAUsageErrorNamingTheValue(string repeat)
    {
        var (exitCode, _, stderr) = await RunHarnessAsync("cells", "--server", "redis-7.0", "--scenario", "isolated", "--repeat", repeat, "--out", Path.Combine(scratch.FullName, "cells"));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.Contain($"--repeat '{repeat}' is not a run count; expected a positive integer"));
            Assert.That(stderr, Does.Not.Contain("   at "), "a usage error is a message, not a stack trace");
        });
    }

    private const string LocalSocket = "/var/run/docker.sock";

    /// <summary>A prefix that runs the command with the local engine's socket covered, in a private mount namespace.</summary>
    private string[] HideLocalEngine()
    {
        const string Reason = "an engine answers on /var/run/docker.sock, and hiding it from the child needs root and unshare (util-linux)";
        if (!Environment.IsPrivilegedProcess || !File.Exists("/usr/bin/unshare"))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"CI runs as root with util-linux: {Reason}");
            }

            Assert.Ignore(Reason);
        }

        var cover = Path.Combine(scratch.FullName, "not-a-socket");
        File.WriteAllText(cover, string.Empty);
        return ["/usr/bin/unshare", "--mount", "--propagation", "private", "--", "sh", "-c", $"mount --bind \"$0\" {LocalSocket} && exec \"$@\"", cover];
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunHarnessAsync(params string[] arguments)
    {
        // The harness assembly beside this test assembly, started the way 'dotnet run' starts it.
        var command = new List<string> { "dotnet", Path.Combine(AppContext.BaseDirectory, "Heimnetz.Harness.Scenarios.dll") };
        command.AddRange(arguments);
        if (File.Exists(LocalSocket))
        {
            command.InsertRange(0, HideLocalEngine());
        }

        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOCKER_HOST"] = $"unix://{closedSocket}";
        // Docker Desktop's and rootless sockets are looked up under these.
        start.Environment["HOME"] = scratch.FullName;
        start.Environment["XDG_RUNTIME_DIR"] = scratch.FullName;
        start.Environment["TESTCONTAINERS_RYUK_DISABLED"] = "true";
        start.Environment.Remove("HEIMNETZ_ACCEPT_SNAPSHOTS");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous for a cold start on a loaded machine; a hang still ends the test.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the harness did not finish within 2 minutes: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
