namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary>
/// What the engine mounted on <c>/</c>, <c>/etc/hostname</c>, <c>/etc/hosts</c> and <c>/etc/resolv.conf</c>, per mountinfo.
/// Only these mount points count: a Docker host lists container overlays under <c>/var/lib/docker</c> too, elsewhere.
/// </summary>
internal sealed class MountSourcesSignal : IContainerSignal
{
    private static readonly string[] EngineFiles = ["/etc/hostname", "/etc/hosts", "/etc/resolv.conf"];

    // When the files disagree (a pod's hosts from the kubelet, its hostname from containerd), the orchestrator wins.
    private static readonly ContainerKind[] Precedence =
        [ContainerKind.Kubernetes, ContainerKind.Docker, ContainerKind.Podman, ContainerKind.Containerd, ContainerKind.Lxc];

    public string Name => "mount-sources";

    public SignalVerdict? Evaluate(DetectionInput input, ICollection<Evidence> evidence)
    {
        if (input.Mounts.Count == 0)
        {
            evidence.Add(new Evidence(Name, "mountinfo", "no mounts could be read"));
            return null;
        }

        var found = new List<ContainerKind>();
        var rootless = false;
        foreach (var mountPoint in EngineFiles)
        {
            var mount = Parsing.MountInfoParser.Visible(input.Mounts, mountPoint);
            if (mount is null)
            {
                evidence.Add(new Evidence(Name, "mountinfo", $"{mountPoint} is not a mount of its own"));
                continue;
            }

            var kind = EnginePaths.Classify(mount.Root);
            Note(evidence, $"{mountPoint} from {Abbreviation.Of(mount.Root)}", kind, found);
            rootless |= kind == ContainerKind.Podman && EnginePaths.IsRootlessPodman(mount.Root);
        }

        var root = Parsing.MountInfoParser.Visible(input.Mounts, "/");
        if (root is not null)
        {
            // For an overlay the engine's path is in the upperdir/lowerdir super options; for a bind-mounted rootfs it is the root field.
            var rootKind = EnginePaths.Classify(root.Root) ?? EnginePaths.Classify(root.SuperOptions);
            Note(evidence, $"/ is {root.FsType} {root.Source} {Abbreviation.Of(Describe(root))}", rootKind, found);
            rootless |= rootKind == ContainerKind.Podman && EnginePaths.IsRootlessPodman(root.SuperOptions);
        }

        var lxcfs = input.Mounts.FirstOrDefault(m => m.FsType == "fuse.lxcfs");
        if (lxcfs is not null)
        {
            Note(evidence, $"{lxcfs.MountPoint} is served by lxcfs", ContainerKind.Lxc, found);
        }

        foreach (var kind in Precedence)
        {
            if (found.Contains(kind))
            {
                return new SignalVerdict(kind, IsProof: true, rootless);
            }
        }

        return null;
    }

    private void Note(ICollection<Evidence> evidence, string what, ContainerKind? kind, List<ContainerKind> found)
    {
        evidence.Add(new Evidence(Name, "mountinfo", kind is { } k ? $"{what} → {WireNames.Of(k)}" : $"{what} → no engine path"));
        if (kind is { } known)
        {
            found.Add(known);
        }
    }

    private static string Describe(Parsing.MountInfoEntry root)
    {
        var upper = root.SuperOptions.Split(',').FirstOrDefault(option => option.StartsWith("upperdir=", StringComparison.Ordinal));
        return upper ?? $"root {root.Root}";
    }
}
