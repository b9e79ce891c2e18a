namespace Heimnetz.EnvironmentDetection;

/// <summary>
/// A directory that stands for the root of the system being inspected: <c>/</c> for a live run, or an unpacked capture.
/// Every file detection reads goes through here, so a live run and a replay share one code path.
/// </summary>
public sealed class Sysroot
{
    /// <summary>The most a single file may contribute; /proc files of a busy Docker host stay well below it.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Creates a sysroot at <paramref name="path"/>; the directory is not checked until files are read.</summary>
    public Sysroot(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The live system.</summary>
    public static Sysroot Live { get; } = new("/");

    /// <summary>The absolute directory this sysroot stands for.</summary>
    public string Path { get; }

    /// <summary>True when this is the running system's own root, not a captured one.</summary>
    public bool IsLive => Path == "/";

    /// <summary>
    /// Reads at most <see cref="MaxFileBytes"/> of a file; never throws for missing, unreadable or huge files, and never
    /// waits on a named pipe. A directory sysroot follows symbolic links only while they stay inside it, and holds
    /// regular files only: anything else is <see cref="SysrootFileStatus.Refused"/>, with the reason.
    /// </summary>
    public SysrootFile Read(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        string? refusal = null;
        var fullPath = IsLive ? System.IO.Path.Combine(Path, relativePath) : SysrootPath.Resolve(Path, relativePath, out refusal);
        if (fullPath is null)
        {
            return Refused(relativePath, refusal ?? "refused");
        }

        try
        {
            using var stream = NonBlockingFile.OpenRead(fullPath);

            // The live /proc holds files no capture has; a capture holds regular files, which can always seek.
            if (!IsLive && !stream.CanSeek)
            {
                return Refused(relativePath, "refused: not a regular file but a named pipe or a device; a capture holds regular files only");
            }

            // /proc files report length 0, so read until end of stream instead of trusting the length.
            var buffer = new byte[Math.Min(MaxFileBytes + 1, 64 * 1024)];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > MaxFileBytes)
                    {
                        break;
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxFileBytes + 1));
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return length > MaxFileBytes
                ? new SysrootFile(relativePath, SysrootFileStatus.Truncated, buffer.AsMemory(0, MaxFileBytes), $"larger than {MaxFileBytes} bytes; only the first {MaxFileBytes} were read")
                : new SysrootFile(relativePath, SysrootFileStatus.Read, buffer.AsMemory(0, length), null);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return new SysrootFile(relativePath, SysrootFileStatus.Missing, ReadOnlyMemory<byte>.Empty, "missing");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new SysrootFile(relativePath, SysrootFileStatus.Unreadable, ReadOnlyMemory<byte>.Empty, $"unreadable: {error.GetType().Name}: {error.Message}");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Path;

    private static SysrootFile Refused(string relativePath, string problem) =>
        new(relativePath, SysrootFileStatus.Refused, ReadOnlyMemory<byte>.Empty, problem);
}
