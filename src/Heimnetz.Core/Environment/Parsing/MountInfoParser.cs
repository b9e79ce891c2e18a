using System.Globalization;
using System.Text;

namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>Parses <c>proc/self/mountinfo</c> (proc(5)): <c>id parent major:minor root mountpoint options [optional…] - fstype source superoptions</c>.</summary>
internal static class MountInfoParser
{
    public static IReadOnlyList<MountInfoEntry> Parse(string text, out string? firstGarbledLine)
    {
        firstGarbledLine = null;
        var entries = new List<MountInfoEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var separator = fields.Length < 10 ? -1 : Array.IndexOf(fields, "-", 6);
            if (separator < 0 || separator + 2 >= fields.Length
                || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                firstGarbledLine ??= line;
                continue;
            }

            entries.Add(new MountInfoEntry(
                Unescape(fields[3]),
                Unescape(fields[4]),
                fields[separator + 1],
                Unescape(fields[separator + 2]),
                separator + 3 < fields.Length ? fields[separator + 3] : string.Empty));
        }

        return entries;
    }

    /// <summary>The last mount on <paramref name="mountPoint"/>, which is the one the process sees.</summary>
    public static MountInfoEntry? Visible(IReadOnlyList<MountInfoEntry> entries, string mountPoint)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].MountPoint == mountPoint)
            {
                return entries[i];
            }
        }

        return null;
    }

    // The kernel writes space, tab, newline and backslash in paths as three-digit octal escapes (\040).
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsOctal(string field, int start) =>
        start + 3 <= field.Length && field.AsSpan(start, 3).IndexOfAnyExceptInRange('0', '7') < 0;
}
