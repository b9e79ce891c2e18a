using System.Globalization;

namespace Heimnetz.Discovery;

/// <summary>A Redis address as a candidate named it: a host name or IP literal and a port.</summary>
public sealed record RedisEndpoint(string Host, int Port)
{
    /// <summary>The port Redis listens on unless told otherwise, and the port of an endpoint written without one.</summary>
    public const int DefaultPort = 6379;

    /// <summary>The address as <c>host:port</c> (IPv6 literals in brackets); never carries credentials.</summary>
    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    /// <summary>
    /// Parses <c>host:port</c>, <c>[ipv6]:port</c> or a bare host (port <see cref="DefaultPort"/>).
    /// Throws <see cref="FormatException"/> naming the value, where it came from, what is wrong and what was expected.
    /// </summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="source">Where the text came from, e.g. <c>--endpoint</c> or a configuration key.</param>
    public static RedisEndpoint Parse(string? value, string source) =>
        TryParse(value ?? string.Empty, out var problem)
        ?? throw new FormatException(
            $"The Redis endpoint '{value}' from {source} is not valid ({problem}); expected host:port (e.g. redis:6379 or [::1]:6379) with a port from 1 to 65535.");

    /// <summary>Returns the endpoint, or null with <paramref name="problem"/> saying what is wrong; the caller adds where it was.</summary>
    internal static RedisEndpoint? TryParse(string text, out string problem)
    {
        problem = string.Empty;
        text = text.Trim();
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problem = "an IPv6 bracket that never closes";
                return null;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    problem = $"unexpected '{rest}' after the IPv6 address";
                    return null;
                }

                port = rest[1..];
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                problem = "several ':' (write IPv6 addresses in brackets, e.g. [::1]:6379)";
                return null;
            }

            host = colon >= 0 ? text[..colon] : text;
            port = colon >= 0 ? text[(colon + 1)..] : null;
        }

        if (host.Length == 0)
        {
            problem = "empty host (expected host:port)";
            return null;
        }

        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            problem = $"host '{host}' is not a valid host name or IP address";
            return null;
        }

        return port is null ? new RedisEndpoint(host, DefaultPort) : ParsePort(host, port, out problem);
    }

    private static RedisEndpoint? ParsePort(string host, string port, out string problem)
    {
        problem = string.Empty;
        if (port.Length == 0 || port.AsSpan().ContainsAnyExceptInRange('0', '9') || port.Length > 9)
        {
            problem = $"port '{port}' is not a number";
            return null;
        }

        var number = int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture);
        if (number is < 1 or > 65535)
        {
            problem = $"port '{port}' is out of range 1–65535";
            return null;
        }

        return new RedisEndpoint(host, number);
    }
}
