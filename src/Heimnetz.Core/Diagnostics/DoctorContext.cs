using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Diagnostics;

/// <summary>
/// Everything the checks look at, gathered once before any check runs, so every check is a pure function of it and
/// tests build one by hand.
/// </summary>
/// <param name="Environment">Where the process runs.</param>
/// <param name="Configuration">The discovery configuration (passwords are inside; checks never print them).</param>
/// <param name="Discovery">Every candidate's outcome, or null when replaying a capture (nothing was probed).</param>
/// <param name="Engine">What the Docker engine said.</param>
/// <param name="Compose">Whether compose is available.</param>
/// <param name="ServiceNames">How the compose service names resolved; empty when not looked up (on a host, or replaying).</param>
public sealed record DoctorContext(
    RuntimeEnvironment Environment,
    DiscoveryConfiguration Configuration,
    DiscoveryReport? Discovery,
    EngineProbeResult Engine,
    ComposeProbeResult Compose,
    IReadOnlyList<NameResolution> ServiceNames)
{
    /// <summary>True when a capture is replayed: only the environment is known.</summary>
    public bool IsReplay => Discovery is null;

    /// <summary>True inside a container with its own network namespace (not host networking).</summary>
    public bool InContainerNetwork => Environment.ToCatalogContext().IsContainer;

    /// <summary>True inside any container, host networking included.</summary>
    public bool InContainer => Environment.Container != ContainerKind.None;

    /// <summary>The chosen candidate, if discovery ran and chose one.</summary>
    public CandidateResult? Chosen => Discovery?.Chosen;
}
