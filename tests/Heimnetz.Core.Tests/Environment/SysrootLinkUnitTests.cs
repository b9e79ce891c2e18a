using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Tests.EnvironmentDetection;

/// <summary>A directory sysroot is someone else's capture: its links must not reach this machine, its pipes must not hang us.</summary>
[TestFixture]
public sealed class SysrootLinkUnitTests
{
    private const string HostSecret = "HOST_ONLY_VALUE=read-from-outside-the-sysroot";
    private TemporarySysroot _sysroot = null!;
    private string _outside = null!;

    [SetUp]
    public void SetUp()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True, "symbolic links and named pipes as Linux has them");
        _sysroot = new TemporarySysroot();
        _outside = Directory.CreateTempSubdirectory("heimnetz-test-outside-").FullName;
        File.WriteAllText(Path.Combine(_outside, "shadow"), HostSecret);
    }

    [TearDown]
    public void TearDown()
    {
        _sysroot?.Dispose();
        if (_outside is not null)
        {
            Directory.Delete(_outside, recursive: true);
        }
    }

    [Test]
    public void Read_FileLinkedToAnAbsolutePathOutside_IsRefusedAndSaysWhere()
    {
        var target = Path.Combine(_outside, "shadow");
        _sysroot.Link(SysrootFiles.SelfEnviron, target);

        var file = _sysroot.Sysroot.Read(SysrootFiles.SelfEnviron);

        Assert.Multiple(() =>
        {
            Assert.That((file.Status, file.Exists, file.Content.Length), Is.EqualTo((SysrootFileStatus.Refused, false, 0)));
            Assert.That(file.Problem, Is.EqualTo($"refused: 'proc/self/environ' is a symbolic link to '{target}', which leads out of the sysroot"));
        });
    }

    [Test]
    public void Read_FileLinkedUpwardsOutOfTheDirectory_IsRefused()
    {
        var climb = Path.GetRelativePath(Path.Combine(_sysroot.Path, "etc"), Path.Combine(_outside, "shadow"));
        Assume.That(climb, Does.StartWith(".."));
        _sysroot.Link(SysrootFiles.Hosts, climb);

        var file = _sysroot.Sysroot.Read(SysrootFiles.Hosts);

        Assert.Multiple(() =>
        {
            Assert.That(file.Status, Is.EqualTo(SysrootFileStatus.Refused));
            Assert.That(file.Problem, Does.Contain($"'etc/hosts' is a symbolic link to '{climb}'"));
        });
    }

    [Test]
    public void Read_DirectoryOnTheWayLinkedOutside_IsRefusedAndNamesThatDirectory()
    {
        Directory.CreateDirectory(Path.Combine(_outside, "self"));
        File.WriteAllText(Path.Combine(_outside, "self", "environ"), HostSecret);
        _sysroot.Link("proc/self", Path.Combine(_outside, "self"));

        var file = _sysroot.Sysroot.Read(SysrootFiles.SelfEnviron);

        Assert.Multiple(() =>
        {
            Assert.That(file.Status, Is.EqualTo(SysrootFileStatus.Refused));
            Assert.That(file.Problem, Does.Contain("'proc/self' is a symbolic link to"));
        });
    }

    [Test]
    public void Read_LinkInsideThatLeadsToALinkOutside_IsRefused()
    {
        _sysroot.Link("etc/hosts", "hosts.d/current");
        _sysroot.Link("etc/hosts.d/current", Path.Combine(_outside, "shadow"));

        var file = _sysroot.Sysroot.Read(SysrootFiles.Hosts);

        Assert.That((file.Status, file.Problem), Is.EqualTo((SysrootFileStatus.Refused, $"refused: 'etc/hosts.d/current' is a symbolic link to '{Path.Combine(_outside, "shadow")}', which leads out of the sysroot")));
    }

    [Test]
    public void Read_LinksThatStayInside_AreFollowed()
    {
        _sysroot.Write("captured/hosts", "127.0.0.1 relative\n");
        _sysroot.Write("captured/resolv.conf", "nameserver 127.0.0.11\n");
        _sysroot.Link(SysrootFiles.Hosts, "../captured/hosts");
        _sysroot.Link(SysrootFiles.ResolvConf, Path.Combine(_sysroot.Path, "captured", "resolv.conf"));

        var hosts = _sysroot.Sysroot.Read(SysrootFiles.Hosts);
        var resolv = _sysroot.Sysroot.Read(SysrootFiles.ResolvConf);

        Assert.Multiple(() =>
        {
            Assert.That((hosts.Status, hosts.Text), Is.EqualTo((SysrootFileStatus.Read, "127.0.0.1 relative\n")));
            Assert.That((resolv.Status, resolv.Text), Is.EqualTo((SysrootFileStatus.Read, "nameserver 127.0.0.11\n")));
        });
    }

    [Test]
    public void Read_SysrootThatIsItselfALink_ReadsThroughIt()
    {
        _sysroot.Write(SysrootFiles.Hostname, "box\n");
        var alias = Path.Combine(_outside, "alias");
        Directory.CreateSymbolicLink(alias, _sysroot.Path);

        var file = new Sysroot(alias).Read(SysrootFiles.Hostname);

        Assert.That((file.Status, file.Text), Is.EqualTo((SysrootFileStatus.Read, "box\n")));
    }

    [Test]
    public void Read_AbsoluteOrClimbingRequest_StaysBelowTheSysroot()
    {
        var outside = Path.Combine(_outside, "shadow");

        var absolute = _sysroot.Sysroot.Read(outside);
        var climbing = _sysroot.Sysroot.Read("../" + Path.GetFileName(_outside) + "/shadow");

        Assert.Multiple(() =>
        {
            Assert.That(absolute.Status, Is.EqualTo(SysrootFileStatus.Missing), "an absolute path is looked up below the sysroot");
            Assert.That((climbing.Status, climbing.Problem), Is.EqualTo((SysrootFileStatus.Refused, $"refused: '../{Path.GetFileName(_outside)}/shadow' climbs out of the sysroot with '..'")));
        });
    }

    [Test]
    public void Read_LinkLoop_IsRefusedAsALoop()
    {
        _sysroot.Link("etc/a", "b");
        _sysroot.Link("etc/b", "a");
        _sysroot.Link(SysrootFiles.Hosts, "a");

        var file = _sysroot.Sysroot.Read(SysrootFiles.Hosts);

        Assert.That((file.Status, file.Problem), Is.EqualTo((SysrootFileStatus.Refused, "refused: more than 40 symbolic links on the way to 'etc/hosts' (a loop?)")));
    }

    [Test]
    public async Task Read_NamedPipeWhereAFileBelongs_IsRefusedWithoutWaitingForAWriter()
    {
        var fifo = _sysroot.Fifo(SysrootFiles.SelfEnviron);

        var reading = Task.Run(() => _sysroot.Sysroot.Read(SysrootFiles.SelfEnviron));
        try
        {
            // Not a timing assertion: the guard only turns a hang into a failure; a correct read returns at once.
            var file = await reading.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.That((file.Status, file.Problem), Is.EqualTo((SysrootFileStatus.Refused, "refused: not a regular file but a named pipe or a device; a capture holds regular files only")));
        }
        finally
        {
            if (!reading.IsCompleted)
            {
                // Release the blocked reader so the test run can end.
                await using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            }
        }
    }

    [Test]
    public void Detect_CaptureWithALinkOut_ReportsTheRefusalAsEvidenceAndNeverTheOutsideContent()
    {
        var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-cgroup2"));
        try
        {
            sysroot.Delete(SysrootFiles.SelfEnviron);
            sysroot.Link(SysrootFiles.SelfEnviron, Path.Combine(_outside, "shadow"));

            var detected = EnvironmentDetector.Detect(sysroot.Sysroot);

            Assert.Multiple(() =>
            {
                Assert.That(detected.Evidence.Select(evidence => evidence.ToString()), Has.Some.StartsWith("proc/self/environ: refused: 'proc/self/environ' is a symbolic link to"));
                Assert.That(string.Join('\n', detected.Evidence), Does.Not.Contain("HOST_ONLY_VALUE"));
            });
        }
        finally
        {
            sysroot.Dispose();
        }
    }
}
