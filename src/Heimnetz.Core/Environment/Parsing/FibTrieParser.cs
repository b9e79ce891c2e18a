using System.Net;
using System.Net.Sockets;

namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>Finds the local IPv4 addresses in <c>proc/net/fib_trie</c>: a leaf <c>|-- a.b.c.d</c> followed by <c>/32 host LOCAL</c>.</summary>
internal static class FibTrieParser
{
    public static IReadOnlyList<IPAddress> LocalAddresses(string text)
    {
        var addresses = new List<IPAddress>();
        IPAddress? leaf = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("|--", StringComparison.Ordinal))
            {
                leaf = IPAddress.TryParse(line[3..].Trim(), out var parsed) && parsed.AddressFamily == AddressFamily.InterNetwork ? parsed : null;
            }
            else if (leaf is not null && line.StartsWith("/32 host LOCAL", StringComparison.Ordinal))
            {
                if (!addresses.Contains(leaf))
                {
                    addresses.Add(leaf);
                }
            }
        }

        return addresses;
    }
}
