namespace Heimnetz.EnvironmentDetection;

/// <summary>Where the process runs: container kind, cgroup version, network view, and the evidence behind each answer.</summary>
public sealed record RuntimeEnvironment
{
    /// <summary>The container kind; <see cref="ContainerKind.Unknown"/> when only hints say container.</summary>
    public required ContainerKind Container { get; init; }

    /// <summary>The signal that decided <see cref="Container"/>, e.g. <c>mount-sources</c>; null when nothing pointed at a container.</summary>
    public string? DecidedBy { get; init; }

    /// <summary>True for a rootless Podman container.</summary>
    public bool Rootless { get; init; }

    /// <summary>1 or 2; null when neither the cgroup file nor the mounts tell.</summary>
    public int? CgroupVersion { get; init; }

    /// <summary>Which network namespace the process sees.</summary>
    public required NetworkMode NetworkMode { get; init; }

    /// <summary>The IPv4 default gateway from the routing table, or null.</summary>
    public string? DefaultGateway { get; init; }

    /// <summary>Interface addresses as <c>name=address/prefix</c>.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>Engine-provided host aliases from the host table as <c>name=address</c>.</summary>
    public IReadOnlyList<string> HostAliases { get; init; } = [];

    /// <summary>Nameservers from the resolver configuration.</summary>
    public IReadOnlyList<string> Nameservers { get; init; } = [];

    /// <summary>Everything the signals saw, in the order they ran.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Files that could not be read, as <c>path: reason</c>; absent marker files are not listed.</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];
}
