using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Heimnetz.EnvironmentDetection;
using Heimnetz.EnvironmentDetection.Capture;
using Heimnetz.Probing;
using Heimnetz.Harness.Fixtures.Requirements;

namespace Heimnetz.Tests.EnvironmentDetection.Capture;

[TestFixture]
public sealed class SysrootCaptureUnitTests
{
    private static readonly DateTimeOffset CapturedAt = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Test]
    public async Task WriteAsync_LiveSystemReplayed_GivesTheSameEnvironmentSection()
    {
        MachineRequirement.That(OperatingSystem.IsLinux(), $"this test reads Linux's /proc, but the machine runs {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        var archive = Path.Combine(Path.GetTempPath(), $"heimnetz-capture-test-{Guid.NewGuid():N}.tar.gz");
        try
        {
            await using (var file = File.Create(archive))
            {
                await SysrootCapture.WriteAsync(Sysroot.Live, file, CapturedAt);
            }

            var live = EnvironmentSectionMapper.ToSection(EnvironmentDetector.Detect(Sysroot.Live));
            using var replay = SysrootArchive.Open(archive);
            var replayed = EnvironmentSectionMapper.ToSection(EnvironmentDetector.Detect(replay.Sysroot));

            Assert.Multiple(() =>
            {
                Assert.That(ProbeReportJsonOf(replayed), Is.EqualTo(ProbeReportJsonOf(live)));
                Assert.That(replayed.Evidence, Is.EqualTo(live.Evidence));
            });
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Test]
    public async Task WriteAsync_FixtureWithSecrets_ArchiveHoldsNoSecret()
    {
        var secrets = new[] { "fixture-redis-password-7f3a", "fixture-url-secret-91c2", "fixture-github-token-55aa", "fixture-aws-secret-0b1c", "fixture-pg-secret-c0de" };
        var fixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "sysroots", "docker-host", "proc", "self", "environ");
        Assert.That(secrets.All(File.ReadAllText(fixture).Contains), Is.True, "the fixture must carry the secrets for this test to mean anything");
        using var buffer = new MemoryStream();

        await SysrootCapture.WriteAsync(SysrootFixtures.Open("docker-host"), buffer, CapturedAt);

        var entries = ReadEntries(buffer.ToArray());
        var everything = string.Concat(entries.Values.Select(Encoding.UTF8.GetString));
        Assert.Multiple(() =>
        {
            foreach (var secret in secrets)
            {
                Assert.That(everything, Does.Not.Contain(secret));
            }

            Assert.That(Encoding.UTF8.GetString(entries["proc/self/environ"]), Does.Contain("REDIS_URL=redis://***@redis.internal:6379/0").And.Contain("REDIS_PASSWORD=***"));
        });
    }

    [Test]
    public async Task WriteAsync_Fixture_WritesExactlyTheDetectorsFilesThatExist()
    {
        using var buffer = new MemoryStream();

        var written = await SysrootCapture.WriteAsync(SysrootFixtures.Open("podman-rootful"), buffer, CapturedAt);

        var expected = SysrootFiles.All.Where(path => path != SysrootFiles.DockerEnv).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(expected));
            Assert.That(ReadEntries(buffer.ToArray()).Keys, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Open_CorruptArchive_NamesTheValue()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"heimnetz-corrupt-{Guid.NewGuid():N}.tar.gz");
        File.WriteAllBytes(archive, [0x1f, 0x8b, 8, 0, 1, 2, 3]);
        try
        {
            var error = Assert.Throws<SysrootException>(() => SysrootArchive.Open(archive));

            Assert.That(error!.Message, Does.Contain(archive).And.Contain("capture .tar.gz"));
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Test]
    public void Open_ArchiveWithPathEscape_IgnoresEntriesOutsideTheDetectorsSet()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"heimnetz-escape-{Guid.NewGuid():N}.tar.gz");
        using (var file = File.Create(archive))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "../escaped") { DataStream = new MemoryStream("x"u8.ToArray()) });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "etc/hostname") { DataStream = new MemoryStream("box\n"u8.ToArray()) });
        }

        try
        {
            string root;
            using (var opened = SysrootArchive.Open(archive))
            {
                root = opened.Sysroot.Path;
                Assert.Multiple(() =>
                {
                    Assert.That(File.Exists(Path.Combine(root, "etc/hostname")), Is.True);
                    Assert.That(File.Exists(Path.Combine(root, "..", "escaped")), Is.False);
                });
            }

            Assert.That(Directory.Exists(root), Is.False, "the temporary directory is removed on dispose");
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Test]
    public void DefaultFileName_UsesTheUtcTime()
    {
        Assert.That(SysrootCapture.DefaultFileName(new DateTimeOffset(2025, 1, 2, 5, 4, 5, TimeSpan.FromHours(2))), Is.EqualTo("heimnetz-capture-20250102T030405Z.tar.gz"));
    }

    private static string ProbeReportJsonOf(EnvironmentSection section) =>
        ProbeReportJson.Serialize(new ProbeReport(ProbeReport.CurrentSchema, section, new DiscoverySection([], null, 0), new CacheSection("memory", null)));

    private static Dictionary<string, byte[]> ReadEntries(byte[] archive)
    {
        var entries = new Dictionary<string, byte[]>();
        using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries[entry.Name] = content.ToArray();
        }

        return entries;
    }
}
