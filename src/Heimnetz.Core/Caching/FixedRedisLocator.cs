using System.Globalization;
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

    /// <summary>
    /// Parses <c>host:port</c>, <c>[ipv6]:port</c> or a bare host (port 6379).
    /// Throws <see cref="FormatException"/> naming the value, where it came from and what was expected.
    /// </summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="source">Where the text came from, e.g. <c>--endpoint</c> or a configuration key.</param>
    public static RedisEndpoint ParseEndpoint(string? value, string source)
    {
        const int DefaultPort = 6379;
        var text = value?.Trim() ?? string.Empty;
        string host;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            host = close > 1 ? text[1..close] : string.Empty;
            var rest = close > 0 ? text[(close + 1)..] : string.Empty;
            if (rest.Length > 0)
            {
                portText = rest.StartsWith(':') ? rest[1..] : null;
                if (portText is null)
                {
                    host = string.Empty;
                }
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                host = string.Empty; // an IPv6 literal without brackets is ambiguous about its port
            }
            else
            {
                host = colon >= 0 ? text[..colon] : text;
                portText = colon >= 0 ? text[(colon + 1)..] : null;
            }
        }

        var port = DefaultPort;
        var portOk = portText is null
            || (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535);
        if (host.Length == 0 || host.Any(char.IsWhiteSpace) || !portOk)
        {
            throw new FormatException(
                $"The Redis endpoint '{value}' from {source} is not valid; expected host:port (e.g. redis:6379 or [::1]:6379) with a port from 1 to 65535.");
        }

        return new RedisEndpoint(host, port);
    }
}
