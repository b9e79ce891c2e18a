namespace Heimnetz.Discovery;

/// <summary>How long discovery waits: per candidate for DNS plus connect and for the RESP handshake, and overall.</summary>
/// <param name="ConnectTimeout">Name resolution and TCP connect, each. The default value is 250 ms.</param>
/// <param name="HandshakeTimeout">TLS (if any) and the RESP handshake together. The default value is 250 ms.</param>
/// <param name="Budget">The whole discovery, all candidates in parallel. The default value is 1 s.</param>
public sealed record DiscoveryTimeouts(TimeSpan ConnectTimeout, TimeSpan HandshakeTimeout, TimeSpan Budget)
{
    /// <summary>The default connect timeout.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>The default handshake timeout.</summary>
    public static readonly TimeSpan DefaultHandshakeTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>The default overall budget.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How far a starved process may stretch each timeout in wall time (8 × the nominal time). Time the process could
    /// not run is given back to the peer up to this ceiling; past it the answer is <c>inconclusive</c>, not a verdict.
    /// </summary>
    public const int StarvationStretch = 8;

    /// <summary>The wall-time ceiling of a timeout of <paramref name="duration"/> on a starved process.</summary>
    public static TimeSpan Ceiling(TimeSpan duration) => duration * StarvationStretch;

    /// <summary>The defaults: 250 ms connect, 250 ms handshake, 1 s overall.</summary>
    public static DiscoveryTimeouts Default { get; } = new(DefaultConnectTimeout, DefaultHandshakeTimeout, DefaultBudget);
}
