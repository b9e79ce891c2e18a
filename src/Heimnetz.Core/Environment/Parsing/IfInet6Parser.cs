using System.Globalization;
using System.Net;

namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>Parses <c>proc/net/if_inet6</c>: <c>32-hex-address index prefix scope flags name</c>.</summary>
internal static class IfInet6Parser
{
    public static IReadOnlyList<string> Parse(string text, out string? firstGarbledLine)
    {
        firstGarbledLine = null;
        var addresses = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6 || fields[0].Length != 32
                || !byte.TryParse(fields[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var prefix)
                || !TryParseHex(fields[0], out var bytes))
            {
                firstGarbledLine ??= line;
                continue;
            }

            addresses.Add(string.Create(CultureInfo.InvariantCulture, $"{fields[5]}={new IPAddress(bytes)}/{prefix}"));
        }

        return addresses;
    }

    private static bool TryParseHex(string hex, out byte[] bytes)
    {
        bytes = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            if (!byte.TryParse(hex.AsSpan(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return false;
            }
        }

        return true;
    }
}
