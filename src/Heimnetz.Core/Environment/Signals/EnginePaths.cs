using System.Text.RegularExpressions;

namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary>Which engine keeps its per-container files under a given host path.</summary>
internal static partial class EnginePaths
{
    /// <summary>The engine whose storage <paramref name="path"/> lies in, or null when it is no engine's.</summary>
    public static ContainerKind? Classify(string path)
    {
        if (path.Contains("/kubelet/pods/", StringComparison.Ordinal))
        {
            return ContainerKind.Kubernetes;
        }

        if (Docker().IsMatch(path))
        {
            return ContainerKind.Docker;
        }

        if (path.Contains("containers/storage/", StringComparison.Ordinal)
            || path.Contains("/overlay-containers/", StringComparison.Ordinal)
            || path.Contains("/run/containers/", StringComparison.Ordinal)
            || path.Contains("/libpod/", StringComparison.Ordinal))
        {
            return ContainerKind.Podman;
        }

        if (path.Contains("/containerd/", StringComparison.Ordinal) || path.Contains("/nerdctl/", StringComparison.Ordinal))
        {
            return ContainerKind.Containerd;
        }

        if (Lxc().IsMatch(path))
        {
            return ContainerKind.Lxc;
        }

        return null;
    }

    /// <summary>Rootless Podman keeps its run files under <c>/run/user/UID</c> and its storage in the user's home.</summary>
    public static bool IsRootlessPodman(string path) =>
        path.StartsWith("/run/user/", StringComparison.Ordinal) || path.Contains("/.local/share/containers/", StringComparison.Ordinal);

    // /var/lib/docker/containers/<id>/hostname, rootless ~/.local/share/docker/…, graph drivers for "/",
    // and /containers/<id>/… when /var/lib/docker is its own filesystem (then the root field starts there).
    [GeneratedRegex("/docker/(containers|overlay2|overlay|fuse-overlayfs|btrfs|zfs|vfs|aufs)/|^/containers/[0-9a-f]{64}/", RegexOptions.CultureInvariant)]
    private static partial Regex Docker();

    [GeneratedRegex("/(lxc|lxd|incus)/", RegexOptions.CultureInvariant)]
    private static partial Regex Lxc();
}
