using System.Formats.Tar;
using System.IO.Compression;
using Heimnetz.EnvironmentDetection;
using Heimnetz.EnvironmentDetection.Capture;

namespace Heimnetz.Tests.EnvironmentDetection.Capture;

/// <summary>A capture archive is unpacked before anything checks it, so its size and entry count are capped first.</summary>
[TestFixture]
public sealed class SysrootArchiveLimitUnitTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp() => _directory = Directory.CreateTempSubdirectory("heimnetz-archive-limit-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Open_ArchiveWithOneEntryTooMany_IsRefusedNamingTheArchiveAndTheLimit()
    {
        var archive = WriteArchive("many.tar.gz", Enumerable.Range(0, SysrootArchive.MaxEntries + 1).Select(index => ($"junk/{index}", new byte[1])));

        var error = Assert.Throws<SysrootException>(() => SysrootArchive.Open(archive));

        Assert.That(error!.Message, Is.EqualTo($"The sysroot '{archive}' holds more than 256 entries, the most a capture may hold (it writes 14); refused."));
    }

    [Test]
    public void Open_ArchiveWithExactlyTheMostEntries_Opens()
    {
        var entries = Enumerable.Range(0, SysrootArchive.MaxEntries - 1).Select(index => ($"junk/{index}", new byte[1]))
            .Append((SysrootFiles.Hostname, "box\n"u8.ToArray()));
        var archive = WriteArchive("most.tar.gz", entries);

        using var opened = SysrootArchive.Open(archive);

        Assert.That(opened.Sysroot.Read(SysrootFiles.Hostname).Text, Is.EqualTo("box\n"));
    }

    [Test]
    public void Open_ArchiveThatUnpacksPastTheLimit_IsRefusedNamingTheArchiveAndTheLimit()
    {
        // Zeros compress about a thousandfold: a 33 MiB entry is a few tens of KiB on disk.
        var archive = WriteArchive("bomb.tar.gz", [("junk/zeros", new byte[SysrootArchive.MaxUnpackedBytes + 1])]);
        Assume.That(new FileInfo(archive).Length, Is.LessThan(1024 * 1024));

        var error = Assert.Throws<SysrootException>(() => SysrootArchive.Open(archive));

        Assert.That(error!.Message, Is.EqualTo($"The sysroot '{archive}' could not be read as a capture .tar.gz: it unpacks to more than 33554432 bytes, the most a capture may hold"));
    }

    [Test]
    public void Open_CaptureWithEveryFileAtTheReadCap_FitsTheLimits()
    {
        var archive = WriteArchive("largest.tar.gz", SysrootFiles.All.Select(path => (path, new byte[Sysroot.MaxFileBytes])));

        using var opened = SysrootArchive.Open(archive);

        Assert.That(SysrootFiles.All.Select(path => opened.Sysroot.Read(path).Status), Is.All.EqualTo(SysrootFileStatus.Read));
    }

    private string WriteArchive(string name, IEnumerable<(string Name, byte[] Content)> entries)
    {
        var path = Path.Combine(_directory, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (entryName, content) in entries)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = new MemoryStream(content) });
        }

        return path;
    }
}
