using System.Net;

namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>Reads the <c>nameserver</c> lines of <c>etc/resolv.conf</c>.</summary>
internal static class ResolvConfParser
{
    public static IReadOnlyList<string> Nameservers(string text)
    {
        var servers = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var fields = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields[0] == "nameserver" && IPAddress.TryParse(fields[1], out var address))
            {
                servers.Add(address.ToString());
            }
        }

        return servers;
    }
}
