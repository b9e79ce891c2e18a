namespace Heimnetz.Discovery;

/// <summary>Where a candidate came from: the built-in catalog, configuration files, or environment variables.</summary>
public enum CandidateSource
{
    /// <summary>The built-in catalog for the detected environment.</summary>
    Default,

    /// <summary>A <c>Heimnetz:Redis:*</c> configuration key.</summary>
    Config,

    /// <summary>An environment variable such as <c>REDIS_URL</c>.</summary>
    Env,
}
