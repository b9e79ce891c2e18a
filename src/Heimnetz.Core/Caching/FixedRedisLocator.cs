using Heimnetz.Discovery;

namespace Heimnetz.Caching;

/// <summary>
/// "Use this endpoint, no discovery": always answers with the same <see cref="RedisLocation"/>.
/// For applications that know where their Redis is; whether it answers is the cache's business.
/// </summary>
public sealed class FixedRedisLocator : IRedisLocator
{
    private readonly RedisLocation location;

    /// <summary>Creates a locator that always returns <paramref name="location"/>.</summary>
    public FixedRedisLocator(RedisLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        this.location = location;
    }

    /// <summary>Creates a locator for <paramref name="endpoint"/> with optional credentials and TLS.</summary>
    public FixedRedisLocator(RedisEndpoint endpoint, RedisCredentials? credentials = null, bool useTls = false)
        : this(new RedisLocation(endpoint, credentials, useTls))
    {
    }

    /// <summary>The location this locator always returns.</summary>
    public RedisLocation Location => location;

    /// <inheritdoc />
    public ValueTask<RedisLocation?> LocateAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<RedisLocation?>(location);

    /// <summary>Parses <c>host:port</c>; the same as <see cref="RedisEndpoint.Parse"/>, kept here where callers first looked for it.</summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="source">Where the text came from, e.g. <c>--endpoint</c> or a configuration key.</param>
    public static RedisEndpoint ParseEndpoint(string? value, string source) => RedisEndpoint.Parse(value, source);
}
