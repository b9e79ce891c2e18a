using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Heimnetz.EnvironmentDetection.Capture;

/// <summary>
/// Masks the userinfo of every <c>scheme://userinfo@host</c> in a text up to the last <c>@</c> of the URL, as the
/// Redis URL parser reads it: an unencoded <c>@</c>, <c>:</c> or <c>/</c> in a password stays inside the mask.
/// </summary>
internal static partial class UrlUserInfo
{
    private static readonly SearchValues<char> ListSeparators = SearchValues.Create(",;");
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n\f\v");

    public static string Mask(string text, string mask)
    {
        var schemes = Scheme().Matches(text);
        if (schemes.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        for (var index = 0; index < schemes.Count; index++)
        {
            if (schemes[index].Index < copied)
            {
                // A "x://" inside a password that is already masked.
                continue;
            }

            var start = schemes[index].Index + schemes[index].Length;
            var end = EndOf(text, start, schemes, index);
            var at = text.AsSpan(start, end - start).LastIndexOf('@');
            if (at < 0)
            {
                continue;
            }

            builder.Append(text, copied, start - copied).Append(mask);
            copied = start + at;
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    // A URL ends at whitespace, or where the next URL of a list starts: a scheme after the first '@' with a ',' or ';'
    // between them ("redis://u:p@a,redis://v:q@b"). A scheme-like "x://" inside a password has no separator before it.
    private static int EndOf(string text, int start, MatchCollection schemes, int index)
    {
        var whitespace = text.AsSpan(start).IndexOfAny(Whitespace);
        var end = whitespace < 0 ? text.Length : start + whitespace;
        var firstAt = text.AsSpan(start, end - start).IndexOf('@');
        if (firstAt < 0)
        {
            return end;
        }

        firstAt += start;
        for (var next = index + 1; next < schemes.Count && schemes[next].Index < end; next++)
        {
            if (schemes[next].Index > firstAt && text.AsSpan(firstAt, schemes[next].Index - firstAt).ContainsAny(ListSeparators))
            {
                return schemes[next].Index;
            }
        }

        return end;
    }

    [GeneratedRegex("[A-Za-z][A-Za-z0-9+.-]*://", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();
}
