namespace Heimnetz.Discovery;

/// <summary>
/// One place Redis might be. <see cref="Credentials"/> belong to this candidate only and are never offered to another.
/// <see cref="Priority"/> ranks candidates: 0 is the most preferred.
/// </summary>
public sealed record RedisCandidate(
    RedisEndpoint Endpoint,
    RedisCredentials? Credentials,
    bool UseTls,
    CandidateSource Source,
    int Priority,
    string Reason)
{
    /// <summary>Trust for a <c>rediss://</c> server signed by a private CA; null means the machine's trust store.</summary>
    public RedisTlsTrust? TlsTrust { get; init; }

    /// <summary>
    /// True for a catalog candidate that reaches the host (the bridge gateway, a host alias): whatever anyone published
    /// on the host answers there, so fallback credentials go to it only on request.
    /// </summary>
    public bool ReachesHost { get; init; }
}
