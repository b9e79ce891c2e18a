using System.Globalization;

namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>Parses <c>proc/net/route</c>: a header line, then tab-separated <c>Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT</c>.</summary>
internal static class RouteParser
{
    public static IReadOnlyList<RouteEntry> Parse(string text, out string? firstGarbledLine)
    {
        firstGarbledLine = null;
        var routes = new List<RouteEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("Iface", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8
                || !uint.TryParse(fields[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var destination)
                || !uint.TryParse(fields[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var gateway)
                || !int.TryParse(fields[3], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var flags)
                || !int.TryParse(fields[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out var metric)
                || !uint.TryParse(fields[7], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask))
            {
                firstGarbledLine ??= line;
                continue;
            }

            routes.Add(new RouteEntry(fields[0], destination, gateway, flags, metric, mask));
        }

        return routes;
    }
}
