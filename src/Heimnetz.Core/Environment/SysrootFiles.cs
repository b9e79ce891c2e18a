namespace Heimnetz.EnvironmentDetection;

/// <summary>The files, relative to a sysroot, that environment detection reads and <c>heimnetz capture</c> writes.</summary>
public static class SysrootFiles
{
    /// <summary>Docker's marker file; a hint only, because an image can carry it.</summary>
    public const string DockerEnv = ".dockerenv";

    /// <summary>Podman's marker file, bind-mounted by the engine at run time.</summary>
    public const string ContainerEnv = "run/.containerenv";

    /// <summary>The cgroup membership of the reading process.</summary>
    public const string SelfCgroup = "proc/self/cgroup";

    /// <summary>The mounts of the reading process.</summary>
    public const string SelfMountInfo = "proc/self/mountinfo";

    /// <summary>The environment of the reading process, NUL-separated.</summary>
    public const string SelfEnviron = "proc/self/environ";

    /// <summary>The cgroup membership of process 1.</summary>
    public const string InitCgroup = "proc/1/cgroup";

    /// <summary>The kernel version string.</summary>
    public const string Version = "proc/version";

    /// <summary>The IPv4 routing table of the network namespace.</summary>
    public const string Route = "proc/net/route";

    /// <summary>The interfaces of the network namespace.</summary>
    public const string Dev = "proc/net/dev";

    /// <summary>The IPv4 FIB trie, which lists the local addresses.</summary>
    public const string FibTrie = "proc/net/fib_trie";

    /// <summary>The IPv6 addresses of the network namespace.</summary>
    public const string IfInet6 = "proc/net/if_inet6";

    /// <summary>The static host table.</summary>
    public const string Hosts = "etc/hosts";

    /// <summary>The resolver configuration.</summary>
    public const string ResolvConf = "etc/resolv.conf";

    /// <summary>The host name file.</summary>
    public const string Hostname = "etc/hostname";

    /// <summary>Every file detection reads, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DockerEnv, ContainerEnv, SelfCgroup, SelfMountInfo, SelfEnviron, InitCgroup, Version,
        Route, Dev, FibTrie, IfInet6, Hosts, ResolvConf, Hostname,
    ];

    /// <summary>Marker files whose absence is the normal answer, not a failure to read.</summary>
    internal static bool IsMarker(string relativePath) => relativePath is DockerEnv or ContainerEnv;
}
