namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>Parses the interface names out of <c>proc/net/dev</c>: two header lines, then <c>name: counters…</c>.</summary>
internal static class NetDevParser
{
    public static IReadOnlyList<string> Parse(string text, out string? firstGarbledLine)
    {
        firstGarbledLine = null;
        var names = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("Inter-", StringComparison.Ordinal) || line.StartsWith("face", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].Trim() : string.Empty;
            if (name.Length == 0 || name.Length > 15 || name.Any(char.IsWhiteSpace))
            {
                firstGarbledLine ??= line;
                continue;
            }

            names.Add(name);
        }

        return names;
    }
}
