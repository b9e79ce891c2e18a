namespace Heimnetz.Diagnostics;

/// <summary>What doctor learned about the Docker engine: where it looked, whether it answered, and what the engine publishes.</summary>
/// <param name="State">The outcome.</param>
/// <param name="Endpoint">The engine endpoint tried (<c>DOCKER_HOST</c>, else the local socket).</param>
/// <param name="CliPath">The docker CLI found on PATH, or null.</param>
/// <param name="EngineVersion">The engine's version when it answered.</param>
/// <param name="ApiVersion">The engine's API version when it answered.</param>
/// <param name="Problem">Why the engine did not answer, or null.</param>
public sealed record EngineProbeResult(
    EngineState State,
    string Endpoint,
    string? CliPath,
    string? EngineVersion,
    string? ApiVersion,
    string? Problem)
{
    /// <summary>
    /// Which engine answered Docker's API: <c>docker</c>, or <c>podman</c> for Podman's Docker-compatible service, whose
    /// reported API version (1.41) says nothing about the requests it serves. Null when the engine did not answer.
    /// </summary>
    public string? Product { get; init; }

    /// <summary>Ports running containers publish on the host.</summary>
    public IReadOnlyList<PublishedPort> PublishedPorts { get; init; } = [];

    /// <summary>The result for a replayed capture: the engine was not probed.</summary>
    public static EngineProbeResult Skipped { get; } = new(EngineState.Skipped, string.Empty, null, null, null, null);

    /// <summary>The result for a live run given no <see cref="IEngineProbe"/>: the engine was not asked, and the problem says why.</summary>
    public static EngineProbeResult NotChecked { get; } = new(
        EngineState.NotChecked,
        string.Empty,
        null,
        null,
        null,
        "no engine probe was given to the doctor (Heimnetz.Core carries no Docker client; 'heimnetz doctor' brings one)");
}
