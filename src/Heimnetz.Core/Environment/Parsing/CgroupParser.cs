using System.Globalization;

namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>Parses <c>proc/*/cgroup</c> (cgroups(7)).</summary>
internal static class CgroupParser
{
    public static IReadOnlyList<CgroupLine> Parse(string text, out string? firstGarbledLine)
    {
        firstGarbledLine = null;
        var lines = new List<CgroupLine>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(':', 3);
            if (fields.Length != 3 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !fields[2].StartsWith('/'))
            {
                firstGarbledLine ??= line;
                continue;
            }

            lines.Add(new CgroupLine(id, fields[1], fields[2]));
        }

        return lines;
    }
}
