using System.Text.RegularExpressions;

namespace Heimnetz.Harness.Scenarios.Matrix;

/// <summary>Replaces what varies by run with the role it plays, so the matrix compares equal across runs and machines.</summary>
public static partial class Scrubber
{
    public static string Scrub(string text, IReadOnlyDictionary<string, string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        // Longest first, so 172.18.0.10 is not half-replaced by a scrub for 172.18.0.1.
        foreach (var (value, role) in roles.OrderByDescending(pair => pair.Key.Length))
        {
            text = Regex.Replace(text, $@"(?<![\d.]){Regex.Escape(value)}(?![\d])", role);
        }

        // Any other non-loopback IPv4 address is run-specific too.
        return OtherAddress().Replace(text, match => match.Value.StartsWith("127.", StringComparison.Ordinal) ? match.Value : "<address>");
    }

    [GeneratedRegex(@"(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])")]
    private static partial Regex OtherAddress();
}
