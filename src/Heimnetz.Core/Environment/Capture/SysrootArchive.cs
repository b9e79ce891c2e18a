using System.Formats.Tar;
using System.IO.Compression;

namespace Heimnetz.EnvironmentDetection.Capture;

/// <summary>
/// A sysroot opened from a path (the CLI's <c>--sysroot</c>): a directory is used as it is, a capture tar.gz is unpacked into a
/// temporary directory that disposing removes. Only the files detection reads are unpacked, as plain files, and an
/// archive with more than <see cref="MaxEntries"/> entries or <see cref="MaxUnpackedBytes"/> bytes is refused.
/// </summary>
public sealed class SysrootArchive : IDisposable
{
    /// <summary>The most entries an archive may hold: a capture writes one per file detection reads (14); a tar of an unpacked capture adds its directories.</summary>
    public const int MaxEntries = 256;

    /// <summary>The most bytes an archive may unpack to, headers included: twice what a capture of every file at <see cref="Sysroot.MaxFileBytes"/> holds.</summary>
    public const long MaxUnpackedBytes = 32L * 1024 * 1024;

    private readonly string? _temporaryDirectory;

    private SysrootArchive(Sysroot sysroot, string? temporaryDirectory)
    {
        Sysroot = sysroot;
        _temporaryDirectory = temporaryDirectory;
    }

    /// <summary>The sysroot to detect through.</summary>
    public Sysroot Sysroot { get; }

    /// <summary>Opens a directory or a capture archive; throws <see cref="SysrootException"/> naming the value and what was expected.</summary>
    public static SysrootArchive Open(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Directory.Exists(value))
        {
            return new SysrootArchive(new Sysroot(value), null);
        }

        if (!File.Exists(value))
        {
            throw new SysrootException($"The sysroot '{value}' does not exist; expected a directory or a capture .tar.gz.");
        }

        if (!value.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) && !value.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
        {
            throw new SysrootException($"The sysroot '{value}' is a file but not a .tar.gz; expected a directory or a capture .tar.gz.");
        }

        var directory = Directory.CreateTempSubdirectory("heimnetz-sysroot-").FullName;
        try
        {
            Extract(value, directory);
            return new SysrootArchive(new Sysroot(directory), directory);
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or FormatException or IOException or UnauthorizedAccessException)
        {
            Directory.Delete(directory, recursive: true);
            throw new SysrootException($"The sysroot '{value}' could not be read as a capture .tar.gz: {error.Message}", error);
        }
        catch (SysrootException)
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Removes the temporary directory of an unpacked archive.</summary>
    public void Dispose()
    {
        if (_temporaryDirectory is not null && Directory.Exists(_temporaryDirectory))
        {
            Directory.Delete(_temporaryDirectory, recursive: true);
        }
    }

    private static void Extract(string archive, string directory)
    {
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var budget = new UnpackBudget(gzip, MaxUnpackedBytes);
        using var tar = new TarReader(budget);
        var known = SysrootFiles.All.ToHashSet(StringComparer.Ordinal);
        var entries = 0;
        while (tar.GetNextEntry() is { } entry)
        {
            if (++entries > MaxEntries)
            {
                throw new SysrootException($"The sysroot '{archive}' holds more than {MaxEntries} entries, the most a capture may hold (it writes {SysrootFiles.All.Count}); refused.");
            }

            // Unknown names, links and directories are skipped: an archive must not write outside the set detection reads.
            var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !known.Contains(name))
            {
                continue;
            }

            var target = Path.Combine(directory, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var output = File.Create(target);

            // An empty entry (an empty /.dockerenv) has no data stream, but its existence is the evidence.
            if (entry.DataStream is not null)
            {
                CopyBounded(entry.DataStream, output);
            }
        }
    }

    // The reader caps files anyway; one byte over the cap is kept so that it still reports the truncation.
    private static void CopyBounded(Stream source, Stream destination)
    {
        var buffer = new byte[81920];
        long remaining = Sysroot.MaxFileBytes + 1;
        int read;
        while (remaining > 0 && (read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining))) > 0)
        {
            destination.Write(buffer, 0, read);
            remaining -= read;
        }
    }
}
