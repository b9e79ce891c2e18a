using Heimnetz.EnvironmentDetection.Parsing;

namespace Heimnetz.EnvironmentDetection;

/// <summary>
/// The sysroot files read once and parsed, shared by every signal. Files that are missing, unreadable, binary,
/// truncated or garbled leave evidence naming the file and what was expected, and parse to empty results.
/// </summary>
internal sealed class DetectionInput
{
    private const string InputSignal = "input";
    private readonly Dictionary<string, SysrootFile> _files = new(StringComparer.Ordinal);
    private readonly List<Evidence> _problems = [];
    private readonly List<string> _unreadable = [];

    public DetectionInput(Sysroot sysroot)
    {
        foreach (var path in SysrootFiles.All)
        {
            var file = sysroot.Read(path);
            _files[path] = file;
            if (file.Status is SysrootFileStatus.Missing && SysrootFiles.IsMarker(path))
            {
                continue;
            }

            if (file.Status is not SysrootFileStatus.Read)
            {
                _unreadable.Add($"{path}: {file.Problem}");
                _problems.Add(new Evidence(InputSignal, path, file.Problem ?? "not read"));
            }

            // environ is NUL-separated by design and .dockerenv is read only for its existence.
            if (file.Exists && file.LooksBinary && path is not SysrootFiles.SelfEnviron and not SysrootFiles.DockerEnv)
            {
                _unreadable.Add($"{path}: binary content");
                _problems.Add(new Evidence(InputSignal, path, "binary content (a NUL byte) ignored; expected text"));
            }
        }

        Environ = EnvironParser.Parse(_files[SysrootFiles.SelfEnviron].Content.Span);
        SelfCgroup = CgroupParser.Parse(Text(SysrootFiles.SelfCgroup), out var garbled);
        NoteGarbled(SysrootFiles.SelfCgroup, garbled, "'hierarchy-id:controllers:/path'");
        InitCgroup = CgroupParser.Parse(Text(SysrootFiles.InitCgroup), out garbled);
        NoteGarbled(SysrootFiles.InitCgroup, garbled, "'hierarchy-id:controllers:/path'");
        Mounts = MountInfoParser.Parse(Text(SysrootFiles.SelfMountInfo), out garbled);
        NoteGarbled(SysrootFiles.SelfMountInfo, garbled, "'id parent major:minor root mountpoint options … - fstype source superoptions'");
        Routes = RouteParser.Parse(Text(SysrootFiles.Route), out garbled);
        NoteGarbled(SysrootFiles.Route, garbled, "tab-separated 'Iface Destination Gateway Flags RefCnt Use Metric Mask …' with hex fields");
        Interfaces = NetDevParser.Parse(Text(SysrootFiles.Dev), out garbled);
        NoteGarbled(SysrootFiles.Dev, garbled, "'name: counters…'");
        Inet6 = IfInet6Parser.Parse(Text(SysrootFiles.IfInet6), out garbled);
        NoteGarbled(SysrootFiles.IfInet6, garbled, "'32-hex-address index prefix scope flags name'");
    }

    public IReadOnlyDictionary<string, string> Environ { get; }

    public IReadOnlyList<CgroupLine> SelfCgroup { get; }

    public IReadOnlyList<CgroupLine> InitCgroup { get; }

    public IReadOnlyList<MountInfoEntry> Mounts { get; }

    public IReadOnlyList<RouteEntry> Routes { get; }

    public IReadOnlyList<string> Interfaces { get; }

    public IReadOnlyList<string> Inet6 { get; }

    /// <summary>Evidence about files that could not be read or parsed.</summary>
    public IReadOnlyList<Evidence> Problems => _problems;

    public IReadOnlyList<string> Unreadable => _unreadable;

    public bool Exists(string path) => _files[path].Exists;

    /// <summary>True when the file was read (perhaps truncated) and is text, so its absence of lines means something.</summary>
    public bool IsUsable(string path) => _files[path].Exists && (path is SysrootFiles.SelfEnviron or SysrootFiles.DockerEnv || !_files[path].LooksBinary);

    /// <summary>The file as text, or empty when it is missing, unreadable or binary (a NUL byte in a text file means garbage).</summary>
    public string Text(string path)
    {
        var file = _files[path];
        return IsUsable(path) && path != SysrootFiles.SelfEnviron ? file.Text : string.Empty;
    }

    private void NoteGarbled(string path, string? line, string expected)
    {
        if (line is not null)
        {
            var shown = line.Length > 80 ? line[..80] + "…" : line;
            _problems.Add(new Evidence(InputSignal, path, $"garbled line '{shown}' skipped; expected {expected}"));
        }
    }
}
