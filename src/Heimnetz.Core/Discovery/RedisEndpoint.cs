using System.Globalization;

namespace Heimnetz.Discovery;

/// <summary>A Redis address as a candidate named it: a host name or IP literal and a port.</summary>
public sealed record RedisEndpoint(string Host, int Port)
{
    /// <summary>The address as <c>host:port</c> (IPv6 literals in brackets); never carries credentials.</summary>
    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
