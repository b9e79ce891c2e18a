using System.Text.RegularExpressions;
using Heimnetz.EnvironmentDetection.Parsing;

namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary>
/// Engine names in cgroup paths (<c>/docker/ID</c>, <c>docker-ID.scope</c>, <c>/kubepods/…</c>, <c>libpod-ID</c>, <c>/lxc/…</c>).
/// With a private cgroup namespace (the cgroup v2 default) every path is <c>/</c> and this signal says nothing.
/// </summary>
internal sealed partial class CgroupPathSignal : IContainerSignal
{
    public string Name => "cgroup-paths";

    public SignalVerdict? Evaluate(DetectionInput input, ICollection<Evidence> evidence)
    {
        foreach (var (source, lines) in new[] { (SysrootFiles.SelfCgroup, input.SelfCgroup), (SysrootFiles.InitCgroup, input.InitCgroup) })
        {
            foreach (var line in lines)
            {
                if (Classify(line.Path) is { } kind)
                {
                    evidence.Add(new Evidence(Name, source, $"{line.HierarchyId}:{line.Controllers}:{Abbreviation.Of(line.Path)} → {WireNames.Of(kind)}"));
                    return new SignalVerdict(kind, IsProof: true);
                }
            }
        }

        evidence.Add(new Evidence(Name, SysrootFiles.SelfCgroup, Summary(input.SelfCgroup)));
        return null;
    }

    private static string Summary(IReadOnlyList<CgroupLine> lines) =>
        lines.Count == 0 ? "no cgroup lines could be read"
        : lines.All(line => line.Path == "/") ? "every path is '/' (a cgroup namespace hides the engine's path)"
        : "no engine name in any path";

    private static ContainerKind? Classify(string path) =>
        path.Contains("kubepods", StringComparison.Ordinal) ? ContainerKind.Kubernetes
        : DockerPath().IsMatch(path) ? ContainerKind.Docker
        : PodmanPath().IsMatch(path) ? ContainerKind.Podman
        : path.Contains("cri-containerd-", StringComparison.Ordinal) ? ContainerKind.Containerd
        : LxcPath().IsMatch(path) ? ContainerKind.Lxc
        : null;

    [GeneratedRegex("/docker/[0-9a-f]{12,64}|docker-[0-9a-f]{64}\\.scope", RegexOptions.CultureInvariant)]
    private static partial Regex DockerPath();

    [GeneratedRegex("libpod-[0-9a-f]{64}|/libpod_parent/", RegexOptions.CultureInvariant)]
    private static partial Regex PodmanPath();

    [GeneratedRegex("/lxc/|/lxc\\.payload", RegexOptions.CultureInvariant)]
    private static partial Regex LxcPath();
}
