using System.Text.RegularExpressions;

namespace Heimnetz.EnvironmentDetection.Capture;

/// <summary>
/// Masks the value of every <c>password=</c>, <c>passwd=</c> or <c>pwd=</c> token, the way connection strings
/// (StackExchange.Redis: comma-separated; ADO.NET: semicolon-separated) and query strings carry a password.
/// </summary>
internal static partial class PasswordTokens
{
    public static string Mask(string text, string mask) =>
        Token().Replace(text, match => match.Groups["key"].Value + mask);

    // The key starts a token (after a separator, whitespace, '?', '&', '-' or '_', or at the start), so
    // "oldpassword=" and "passwordless=" are not tokens. The value runs to the next ',' or ';'; a quoted value
    // ("a;b" or 'a;b', quotes doubled inside) runs to its closing quote, or to the end when it is never closed.
    [GeneratedRegex("""(?<=^|[;,?&\s_-])(?<key>\s*(?:password|passwd|pwd)\s*=\s*)(?<value>(?:"(?:[^"]|"")*(?:"|$)|'(?:[^']|'')*(?:'|$))?[^;,]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
