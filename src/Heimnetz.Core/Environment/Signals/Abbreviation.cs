using System.Text.RegularExpressions;

namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary>Shortens 64-hex container ids to Docker's 12-character form so evidence stays readable.</summary>
internal static partial class Abbreviation
{
    public static string Of(string path) => LongId().Replace(path, match => match.Value[..12]);

    [GeneratedRegex("[0-9a-f]{64}", RegexOptions.CultureInvariant)]
    private static partial Regex LongId();
}
