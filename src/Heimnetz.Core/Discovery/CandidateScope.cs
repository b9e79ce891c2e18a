namespace Heimnetz.Discovery;

/// <summary>Which candidates discovery probes: the environment's catalog, or what the user configured (and only that, unless they opt in).</summary>
public enum CandidateScope
{
    /// <summary>Nothing configured: the built-in catalog for the detected environment.</summary>
    Environment,

    /// <summary>An endpoint or candidate list is configured: only it is probed, at start and on every recovery.</summary>
    Configured,

    /// <summary>Configured first, then the environment's catalog: only when the user opted in.</summary>
    ConfiguredThenEnvironment,
}
