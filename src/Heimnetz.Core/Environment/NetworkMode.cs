namespace Heimnetz.EnvironmentDetection;

/// <summary>Which network namespace the process sees.</summary>
public enum NetworkMode
{
    /// <summary>The files needed to tell were not readable.</summary>
    Unknown,

    /// <summary>The container has its own interface (a bridge, a pod network, slirp).</summary>
    Bridge,

    /// <summary>The process shares the host's network namespace; also reported for a process that is not in a container.</summary>
    Host,

    /// <summary>Only the loopback interface exists.</summary>
    None,
}
