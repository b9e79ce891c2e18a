using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Tests.EnvironmentDetection;

[TestFixture]
public sealed class SysrootUnitTests
{
    [Test]
    public void Read_ProcFileThatReportsSizeZero_ReadsItsContent()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True);
        Assume.That(new FileInfo("/proc/self/cgroup").Length, Is.Zero);

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
