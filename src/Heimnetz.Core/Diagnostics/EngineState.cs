namespace Heimnetz.Diagnostics;

/// <summary>What probing the Docker engine found.</summary>
public enum EngineState
{
    /// <summary>Not probed (a replayed capture).</summary>
    Skipped,

    /// <summary>No docker CLI on PATH, no socket, no DOCKER_HOST.</summary>
    NotInstalled,

    /// <summary>Inside a container without the engine socket mounted.</summary>
    NotVisible,

    /// <summary>A CLI, socket or DOCKER_HOST is there, but the engine did not answer.</summary>
    Unreachable,

    /// <summary>The engine answered its version endpoint.</summary>
    Reachable,

    /// <summary>A live run without an <see cref="IEngineProbe"/>: the engine was not asked.</summary>
    NotChecked,
}
