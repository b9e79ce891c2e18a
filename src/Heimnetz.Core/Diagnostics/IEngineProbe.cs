using Microsoft.Extensions.Configuration;

namespace Heimnetz.Diagnostics;

/// <summary>
/// Asks a container engine what doctor's engine check needs: whether it answers, its versions and the ports it
/// publishes. Heimnetz.Core carries no engine client, so a cache user does not pull one in; the CLI supplies one.
/// </summary>
public interface IEngineProbe
{
    /// <summary>
    /// Probes the engine the configuration names (e.g. <c>DOCKER_HOST</c>, <c>PATH</c>); bounded in time, and an absent
    /// or broken engine is a result, not an exception.
    /// </summary>
    Task<EngineProbeResult> ProbeAsync(IConfiguration configuration, bool inContainer, CancellationToken cancellationToken = default);
}
