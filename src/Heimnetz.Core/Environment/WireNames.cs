namespace Heimnetz.EnvironmentDetection;

/// <summary>The lower-case names the probe report contract uses for detection results.</summary>
internal static class WireNames
{
    /// <summary>The contract name of a container kind, e.g. <c>docker</c>.</summary>
    public static string Of(ContainerKind kind) => kind switch
    {
        ContainerKind.None => "none",
        ContainerKind.Docker => "docker",
        ContainerKind.Podman => "podman",
        ContainerKind.Kubernetes => "kubernetes",
        ContainerKind.Containerd => "containerd",
        ContainerKind.Lxc => "lxc",
        _ => "unknown",
    };

    /// <summary>The contract name of a network mode, e.g. <c>bridge</c>.</summary>
    public static string Of(NetworkMode mode) => mode switch
    {
        NetworkMode.Bridge => "bridge",
        NetworkMode.Host => "host",
        NetworkMode.None => "none",
        _ => "unknown",
    };
}
