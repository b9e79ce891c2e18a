using System.Globalization;
using System.Net;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>Small helpers for writing HTML and SVG by hand: encoding and invariant numbers.</summary>
internal static class Html
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A stable id fragment (letters, digits, dashes) for anchors.</summary>
    public static string Id(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

    public static string Shorten(string? text, int length) =>
        text is null ? string.Empty : text.Length <= length ? text : text[..(length - 1)] + "…";
}
