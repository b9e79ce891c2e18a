using System.Formats.Tar;
using System.IO.Compression;

namespace Heimnetz.EnvironmentDetection.Capture;

/// <summary>Writes the files detection reads, as far as they exist, into a tar.gz that <see cref="SysrootArchive"/> replays.</summary>
public static class SysrootCapture
{
    /// <summary>Captures <paramref name="sysroot"/> into <paramref name="destination"/>; <c>proc/self/environ</c> is scrubbed of secrets.</summary>
    /// <returns>The relative paths written, in archive order.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(Sysroot sysroot, Stream destination, DateTimeOffset capturedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sysroot);
        ArgumentNullException.ThrowIfNull(destination);
        var written = new List<string>();
        var gzip = new GZipStream(destination, CompressionLevel.Optimal, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
            await using (tar.ConfigureAwait(false))
            {
                foreach (var path in SysrootFiles.All)
                {
                    var file = sysroot.Read(path);
                    if (!file.Exists)
                    {
                        continue;
                    }

                    // /proc files report size 0, so the entry is built from the bytes read, never from the file on disk.
                    var content = path == SysrootFiles.SelfEnviron ? EnvironScrubber.Scrub(file.Content.Span) : file.Content.ToArray();
                    var entry = new PaxTarEntry(TarEntryType.RegularFile, path)
                    {
                        DataStream = new MemoryStream(content, writable: false),
                        ModificationTime = capturedAt,
                        Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    };
                    await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
                    written.Add(path);
                }
            }
        }

        return written;
    }

    /// <summary>The default file name of a capture taken at <paramref name="capturedAt"/>, e.g. <c>heimnetz-capture-20250101T120000Z.tar.gz</c>.</summary>
    public static string DefaultFileName(DateTimeOffset capturedAt) =>
        $"heimnetz-capture-{capturedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)}.tar.gz";
}
