using Heimnetz.Discovery;

namespace Heimnetz.Caching;

/// <summary>
/// Finds the Redis the cache should use right now. The cache calls it at start and again while Redis is gone,
/// because Redis may come back elsewhere (a restarted container gets a new address or port).
/// </summary>
public interface IRedisLocator
{
    /// <summary>Returns the Redis to use, or null when none answers as a usable Redis.</summary>
    ValueTask<RedisLocation?> LocateAsync(CancellationToken cancellationToken = default);
}

/// <summary>A located Redis: where it is, how to log in, and which server instance answered (its <c>run_id</c>).</summary>
public sealed record RedisLocation(RedisEndpoint Endpoint, RedisCredentials? Credentials, bool UseTls = false, string? RunId = null)
{
    /// <summary>Trust for a TLS server signed by a private CA; null means the machine's trust store.</summary>
    public RedisTlsTrust? TlsTrust { get; init; }

    /// <summary>Where a discovered candidate is, with its credentials, TLS settings and the run_id it answered with.</summary>
    public static RedisLocation Of(RedisCandidate candidate, string? runId)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return new RedisLocation(candidate.Endpoint, candidate.Credentials, candidate.UseTls, runId) { TlsTrust = candidate.TlsTrust };
    }
}
