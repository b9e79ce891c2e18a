using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Tests.EnvironmentDetection;

/// <summary>A throwaway sysroot directory that tests fill file by file; removed on dispose.</summary>
internal sealed class TemporarySysroot : IDisposable
{
    public TemporarySysroot(string? copyOf = null)
    {
        Path = Directory.CreateTempSubdirectory("heimnetz-test-sysroot-").FullName;
        if (copyOf is not null)
        {
            foreach (var file in Directory.EnumerateFiles(copyOf, "*", SearchOption.AllDirectories))
            {
                var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(copyOf, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    public string Path { get; }

    public Sysroot Sysroot => new(Path);

    public void Write(string relativePath, byte[] content)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, content);
    }

    public void Write(string relativePath, string content) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Places a symbolic link at <paramref name="relativePath"/> whose target is written verbatim (absolute or relative).</summary>
    public void Link(string relativePath, string target)
    {
        var link = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, target);
    }

    /// <summary>Places a named pipe at <paramref name="relativePath"/>, made by mkfifo(1).</summary>
    public string Fifo(string relativePath)
    {
        var fifo = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fifo)!);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]);
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, $"mkfifo {fifo} failed");
        return fifo;
    }

    public void Delete(string relativePath) => File.Delete(System.IO.Path.Combine(Path, relativePath));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
