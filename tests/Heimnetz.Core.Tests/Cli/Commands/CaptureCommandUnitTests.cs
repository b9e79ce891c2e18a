using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Heimnetz.Cli;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Probing;
using Heimnetz.Harness.Fixtures.Requirements;
using Heimnetz.Tests.EnvironmentDetection;

namespace Heimnetz.Tests.Cli.Commands;

[TestFixture]
public sealed class CaptureCommandUnitTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp() => _directory = Directory.CreateTempSubdirectory("heimnetz-capture-cli-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task RunAsync_CaptureLiveThenProbeTheArchive_ReportsTheSameEnvironment()
    {
        MachineRequirement.That(OperatingSystem.IsLinux(), $"this test reads Linux's /proc, but the machine runs {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        var archive = Path.Combine(_directory, "live.tar.gz");

        var (captureExit, captureOut, captureErr) = await RunAsync("capture", "-o", archive);
        var (liveExit, liveJson, _) = await RunAsync("probe", "--json");
        var (replayExit, replayJson, replayErr) = await RunAsync("probe", "--json", "--sysroot", archive);

        Assert.Multiple(() =>
        {
            Assert.That((captureExit, liveExit, replayExit), Is.EqualTo((HeimnetzCli.Ok, HeimnetzCli.Ok, HeimnetzCli.Ok)), captureErr + replayErr);
            Assert.That(captureOut, Does.StartWith($"wrote {archive}: "));
            Assert.That(ProbeReportJson.Deserialize(replayJson).Environment, Is.EqualTo(ProbeReportJson.Deserialize(liveJson).Environment).Using<EnvironmentSection>(SameSection));
        });
    }

    [Test]
    public async Task RunAsync_CaptureOfAnUnpackedFixture_ReplaysToTheSameReport()
    {
        var fixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "sysroots", "docker-cgroup1");
        var archive = Path.Combine(_directory, "docker.tar.gz");

        var (captureExit, _, captureErr) = await RunAsync("capture", "--output", archive, "--sysroot", fixture);
        var (_, directJson, _) = await RunAsync("probe", "--json", "--sysroot", fixture);
        var (_, replayJson, _) = await RunAsync("probe", "--json", "--sysroot", archive);

        Assert.Multiple(() =>
        {
            Assert.That(captureExit, Is.EqualTo(HeimnetzCli.Ok), captureErr);
            Assert.That(replayJson, Is.EqualTo(directJson));
            Assert.That(ProbeReportJson.Deserialize(replayJson).Environment.Container, Is.EqualTo("docker"));
        });
    }

    [Test]
    public async Task RunAsync_CaptureWithMissingSysroot_ExitsWithBadUsageAndNamesTheValue()
    {
        var missing = Path.Combine(_directory, "nowhere");

        var (exit, _, stderr) = await RunAsync("capture", "-o", Path.Combine(_directory, "x.tar.gz"), "--sysroot", missing);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.BadUsage));
            Assert.That(stderr, Does.Contain($"--sysroot: The sysroot '{missing}' does not exist"));
        });
    }

    [Test]
    public async Task RunAsync_CaptureToUnwritablePath_ExitsWithBadUsageAndNamesThePath()
    {
        var target = Path.Combine(_directory, "no-such-dir", "x.tar.gz");

        var (exit, _, stderr) = await RunAsync("capture", "-o", target);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(HeimnetzCli.BadUsage));
            Assert.That(stderr, Does.Contain($"--output '{target}'"));
        });
    }

    [Test]
    public async Task RunAsync_CaptureOfADirectoryWithSecretsInItsEnvironment_ArchiveHoldsNoneOfThem()
    {
        // Given: every form the issue names, with our own connection key first.
        var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-cgroup2"));
        string[] secrets = ["cli-conn-secret-4d1e", "cli-cs-secret-8a2b", "cli-mysql-secret-77f0", "cli-auth-secret-3c9d", "cli-url-secret@with-at-5e6f"];
        sysroot.Write(SysrootFiles.SelfEnviron,
            $"HEIMNETZ_REDIS_CONNECTION=redis:6379,password={secrets[0]}\0ConnectionStrings__Db=Server=db;Password={secrets[1]}\0"
            + $"MYSQL_PWD={secrets[2]}\0HTTP_AUTHORIZATION=Bearer {secrets[3]}\0REDIS_URL=redis://app:{secrets[4]}@redis:6379\0container=podman\0");
        var archive = Path.Combine(_directory, "scrubbed.tar.gz");
        try
        {
            // When
            var (exit, _, stderr) = await RunAsync("capture", "-o", archive, "--sysroot", sysroot.Path);

            // Then
            var environ = Encoding.UTF8.GetString(ReadEntry(archive, SysrootFiles.SelfEnviron));
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(HeimnetzCli.Ok), stderr);
                Assert.That(environ, Is.EqualTo(
                    "HEIMNETZ_REDIS_CONNECTION=redis:6379,password=***\0ConnectionStrings__Db=Server=db;Password=***\0"
                    + "MYSQL_PWD=***\0HTTP_AUTHORIZATION=***\0REDIS_URL=redis://***@redis:6379\0container=podman\0"));
            });
        }
        finally
        {
            sysroot.Dispose();
        }
    }

    [Test]
    public async Task RunAsync_CaptureOfADirectoryWithALinkOut_LeavesTheFileOutAndSaysWhy()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True);
        var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-cgroup2"));
        var outside = Path.Combine(_directory, "host-environ");
        File.WriteAllText(outside, "HOST_ONLY_VALUE=outside");
        sysroot.Delete(SysrootFiles.SelfEnviron);
        sysroot.Link(SysrootFiles.SelfEnviron, outside);
        var archive = Path.Combine(_directory, "linked.tar.gz");
        try
        {
            var (exit, stdout, stderr) = await RunAsync("capture", "-o", archive, "--sysroot", sysroot.Path);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(HeimnetzCli.Ok), stderr);
                Assert.That(stdout, Does.Contain($"not captured: proc/self/environ: refused: 'proc/self/environ' is a symbolic link to '{outside}', which leads out of the sysroot"));
                Assert.That(ReadEntryNames(archive), Does.Not.Contain(SysrootFiles.SelfEnviron).And.Contain(SysrootFiles.SelfCgroup));
            });
        }
        finally
        {
            sysroot.Dispose();
        }
    }

    private static byte[] ReadEntry(string archive, string name)
    {
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == name)
            {
                using var content = new MemoryStream();
                entry.DataStream?.CopyTo(content);
                return content.ToArray();
            }
        }

        throw new AssertionException($"{archive} has no entry {name}");
    }

    private static List<string> ReadEntryNames(string archive)
    {
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var names = new List<string>();
        while (tar.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }

    private static bool SameSection(EnvironmentSection left, EnvironmentSection right) =>
        left.Container == right.Container && left.CgroupVersion == right.CgroupVersion && left.NetworkMode == right.NetworkMode
        && left.DefaultGateway == right.DefaultGateway && left.Evidence.SequenceEqual(right.Evidence)
        && left.Addresses.SequenceEqual(right.Addresses) && left.HostAliases.SequenceEqual(right.HostAliases) && left.Nameservers.SequenceEqual(right.Nameservers);

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await HeimnetzCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
