using System.Globalization;

namespace Heimnetz.Discovery;

/// <summary>Parses <c>host[:port]</c> and <c>[ipv6][:port]</c> with messages that name the bad part and what was expected.</summary>
internal static class EndpointText
{
    public const int DefaultPort = 6379;

    /// <summary>Returns the endpoint, or null with <paramref name="problem"/> saying what is wrong; the caller adds where it was.</summary>
    public static RedisEndpoint? TryParse(string text, out string problem)
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

        if (port is null)
        {
            return new RedisEndpoint(host, DefaultPort);
        }

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
