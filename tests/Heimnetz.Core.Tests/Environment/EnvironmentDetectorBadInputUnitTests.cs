using System.Text;
using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Tests.EnvironmentDetection;

[TestFixture]
public sealed class EnvironmentDetectorBadInputUnitTests
{
    private static readonly string[] TextFiles = SysrootFiles.All.Where(path => path is not SysrootFiles.DockerEnv and not SysrootFiles.ContainerEnv and not SysrootFiles.SelfEnviron).ToArray();

    [Test]
    public void Detect_EmptyDirectory_ReturnsUnknownNetworkAndListsEveryFile()
    {
        using var sysroot = new TemporarySysroot();

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.Multiple(() =>
        {
            Assert.That(environment.Container, Is.EqualTo(ContainerKind.None));
            Assert.That(environment.CgroupVersion, Is.Null);
            Assert.That(environment.NetworkMode, Is.EqualTo(NetworkMode.Unknown));
            Assert.That(environment.DefaultGateway, Is.Null);
            Assert.That(environment.Unreadable, Has.Count.EqualTo(SysrootFiles.All.Count - 2));
            Assert.That(environment.Unreadable, Has.Some.EqualTo("proc/self/mountinfo: missing"));
        });
    }

    [Test]
    public void Detect_SysrootThatDoesNotExist_DoesNotThrow()
    {
        var environment = EnvironmentDetector.Detect(new Sysroot(Path.Combine(Path.GetTempPath(), "heimnetz-no-such-sysroot-" + Guid.NewGuid().ToString("N"))));

        Assert.That(environment.NetworkMode, Is.EqualTo(NetworkMode.Unknown));
    }

    [TestCaseSource(nameof(TextFiles))]
    public void Detect_OneFileMissing_StillDecidesFromTheRest(string missing)
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-cgroup2"));
        sysroot.Delete(missing);

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.Multiple(() =>
        {
            Assert.That(environment.Container, Is.EqualTo(ExpectedWithout(missing)));
            Assert.That(environment.Unreadable, Is.EqualTo(new[] { $"{missing}: missing" }));
            Assert.That(environment.Evidence.Select(e => e.ToString()), Has.Some.EqualTo($"{missing}: missing"));
        });
    }

    [TestCaseSource(nameof(TextFiles))]
    public void Detect_OneFileEmpty_DoesNotThrow(string empty)
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-cgroup2"));
        sysroot.Write(empty, string.Empty);

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.That(environment.Container, Is.EqualTo(ExpectedWithout(empty)));
    }

    // On cgroup v2 only the mounts prove Docker; without them /.dockerenv is just a hint.
    private static ContainerKind ExpectedWithout(string file) =>
        file == SysrootFiles.SelfMountInfo ? ContainerKind.Unknown : ContainerKind.Docker;

    [TestCaseSource(nameof(TextFiles))]
    public void Detect_OneFileBinary_IgnoresItAndSaysSo(string binary)
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-cgroup2"));
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        garbage[10] = 0;
        sysroot.Write(binary, garbage);

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.Multiple(() =>
        {
            Assert.That(environment.Unreadable, Is.EqualTo(new[] { $"{binary}: binary content" }));
            Assert.That(environment.Evidence.Select(e => e.ToString()), Has.Some.StartWith($"{binary}: binary content"));
        });
    }

    [Test]
    public void Detect_TruncatedMountinfo_ParsesCompleteLinesAndNamesTheGarbledOne()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-cgroup2"));
        var full = File.ReadAllText(Path.Combine(sysroot.Path, "proc/self/mountinfo"));
        var cut = full.IndexOf("/etc/hosts", StringComparison.Ordinal) + 5;
        sysroot.Write("proc/self/mountinfo", full[..cut]);

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.Multiple(() =>
        {
            Assert.That(environment.Container, Is.EqualTo(ContainerKind.Docker), "hostname and resolv.conf lines are still complete");
            Assert.That(environment.Evidence.Select(e => e.ToString()), Has.Some.Match("^proc/self/mountinfo: garbled line '.*' skipped; expected 'id parent"));
        });
    }

    [Test]
    public void Detect_GarbledRouteTable_NamesTheFileAndTheExpectedFormat()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-cgroup2"));
        sysroot.Write("proc/net/route", "Iface\tDestination\tGateway\neth0\tnot-hex\tZZZZ\t0003\n");

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.Multiple(() =>
        {
            Assert.That(environment.DefaultGateway, Is.Null);
            Assert.That(environment.Evidence.Select(e => e.ToString()), Has.Some.Contains("proc/net/route: garbled line 'eth0").And.Contains("with hex fields"));
        });
    }

    [Test]
    public void Detect_HugeMountinfo_ReadsTheFirstMebibyteAndReportsTruncation()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-host"));
        var line = "900 31 0:99 / /var/lib/docker/overlay2/aaaa/merged rw,relatime shared:1 - overlay overlay rw,lowerdir=/x,upperdir=/y,workdir=/z\n";
        var huge = new StringBuilder(File.ReadAllText(Path.Combine(sysroot.Path, "proc/self/mountinfo")));
        while (huge.Length < 3 * Sysroot.MaxFileBytes)
        {
            huge.Append(line);
        }

        sysroot.Write("proc/self/mountinfo", huge.ToString());

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.Multiple(() =>
        {
            Assert.That(environment.Container, Is.EqualTo(ContainerKind.None));
            Assert.That(environment.CgroupVersion, Is.EqualTo(2));
            Assert.That(environment.Unreadable, Has.Some.StartWith("proc/self/mountinfo: larger than 1048576 bytes"));
        });
    }

    [Test]
    public void Detect_EnvironWithoutEqualsOrInvalidUtf8_DoesNotThrow()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("podman-rootful"));
        sysroot.Write("proc/self/environ", [0xff, 0xfe, 0, (byte)'=', (byte)'x', 0, 0, .. "container=podman"u8.ToArray()]);

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.That(environment.Container, Is.EqualTo(ContainerKind.Podman));
    }

    [Test]
    public void Detect_FileIsADirectory_ReportsItUnreadable()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-cgroup2"));
        sysroot.Delete("etc/hosts");
        Directory.CreateDirectory(Path.Combine(sysroot.Path, "etc/hosts"));

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.That(environment.Unreadable, Has.One.StartWith("etc/hosts: "));
    }
}
