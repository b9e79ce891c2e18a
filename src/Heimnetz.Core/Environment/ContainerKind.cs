namespace Heimnetz.EnvironmentDetection;

/// <summary>What kind of container the process runs in, as far as the evidence shows.</summary>
public enum ContainerKind
{
    /// <summary>Not in a container: the process runs on the host.</summary>
    None,

    /// <summary>Something says container, but nothing proves which engine.</summary>
    Unknown,

    /// <summary>A Docker container.</summary>
    Docker,

    /// <summary>A Podman container, rootful or rootless.</summary>
    Podman,

    /// <summary>A Kubernetes pod, whatever runtime the node uses.</summary>
    Kubernetes,

    /// <summary>A container run by containerd directly (nerdctl, ctr, CRI outside Kubernetes).</summary>
    Containerd,

    /// <summary>An LXC or LXD system container.</summary>
    Lxc,
}
