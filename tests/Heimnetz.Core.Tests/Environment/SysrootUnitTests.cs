using Heimnetz.EnvironmentDetection;
using Heimnetz.Harness.Fixtures.Requirements;

namespace Heimnetz.Tests.EnvironmentDetection;

[TestFixture]
public sealed class SysrootUnitTests
{
    [Test]
    public void Read_ProcFileThatReportsSizeZero_ReadsItsContent()
    {
        MachineRequirement.That(OperatingSystem.IsLinux(), $"this test reads Linux's /proc, but the machine runs {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        MachineRequirement.That(new FileInfo("/proc/self/cgroup").Length == 0, "this kernel reports a non-zero size for /proc/self/cgroup, so the size-zero read path cannot be exercised here");

        var file = Sysroot.Live.Read(SysrootFiles.SelfCgroup);

        Assert.Multiple(() =>
        {
            Assert.That(file.Status, Is.EqualTo(SysrootFileStatus.Read));
            Assert.That(file.Text, Does.Contain("::"));
        });
    }

    [Test]
    public void Read_FileOfExactlyTheCap_IsNotTruncated()
    {
        using var sysroot = new TemporarySysroot();
        sysroot.Write("etc/hosts", new byte[Sysroot.MaxFileBytes]);

        var file = sysroot.Sysroot.Read("etc/hosts");

        Assert.That((file.Status, file.Content.Length), Is.EqualTo((SysrootFileStatus.Read, Sysroot.MaxFileBytes)));
    }

    [Test]
    public void Read_FileOneByteOverTheCap_IsTruncatedToTheCap()
    {
        using var sysroot = new TemporarySysroot();
        sysroot.Write("etc/hosts", new byte[Sysroot.MaxFileBytes + 1]);

        var file = sysroot.Sysroot.Read("etc/hosts");

        Assert.Multiple(() =>
        {
            Assert.That((file.Status, file.Content.Length), Is.EqualTo((SysrootFileStatus.Truncated, Sysroot.MaxFileBytes)));
            Assert.That(file.Problem, Does.Contain("1048576"));
        });
    }

    [Test]
    public void Read_MissingFile_IsMissingWithoutThrowing()
    {
        using var sysroot = new TemporarySysroot();

        var file = sysroot.Sysroot.Read("proc/net/route");

        Assert.That((file.Status, file.Exists), Is.EqualTo((SysrootFileStatus.Missing, false)));
    }
}
