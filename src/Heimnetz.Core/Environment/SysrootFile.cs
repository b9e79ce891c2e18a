using System.Text;

namespace Heimnetz.EnvironmentDetection;

/// <summary>The bytes of one sysroot file as far as they could be read, and why not further.</summary>
public sealed record SysrootFile(string RelativePath, SysrootFileStatus Status, ReadOnlyMemory<byte> Content, string? Problem)
{
    /// <summary>True when the file exists and at least part of it was read.</summary>
    public bool Exists => Status is SysrootFileStatus.Read or SysrootFileStatus.Truncated;

    /// <summary>True when the content has a NUL byte, which no text file detection reads should have.</summary>
    public bool LooksBinary => Content.Span.Contains((byte)0);

    /// <summary>The content as UTF-8 text; invalid sequences become U+FFFD rather than failing.</summary>
    public string Text => Encoding.UTF8.GetString(Content.Span);
}
