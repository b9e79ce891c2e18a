using System.Text;
using System.Text.RegularExpressions;

namespace Heimnetz.EnvironmentDetection.Capture;

/// <summary>
/// Removes secrets from a NUL-separated process environment before it leaves the machine: values of variables whose
/// names look secret become <c>***</c>, and URL userinfo in any value becomes <c>***</c> (<c>redis://***@host</c>).
/// </summary>
public static partial class EnvironScrubber
{
    /// <summary>What a scrubbed secret reads as.</summary>
    public const string Mask = "***";

    private static readonly string[] SecretNameParts = ["PASSWORD", "PASS", "TOKEN", "SECRET", "KEY", "CREDENTIAL"];

    /// <summary>Scrubs every <c>NAME=value</c> entry of a NUL-separated environment block; entry order and separators are kept.</summary>
    public static byte[] Scrub(ReadOnlySpan<byte> environ)
    {
        var output = new List<byte>(environ.Length);
        var first = true;
        foreach (var range in environ.Split((byte)0))
        {
            if (!first)
            {
                output.Add(0);
            }

            first = false;
            var entry = Encoding.UTF8.GetString(environ[range]);
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var scrubbed = equals > 0 ? $"{entry[..equals]}={ScrubValue(entry[..equals], entry[(equals + 1)..])}" : ScrubUrls(entry);
            output.AddRange(Encoding.UTF8.GetBytes(scrubbed));
        }

        return [.. output];
    }

    /// <summary>The value as it may be shown: masked for a secret-looking name, otherwise with URL userinfo masked.</summary>
    public static string ScrubValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return IsSecretName(name) ? Mask : ScrubUrls(value);
    }

    /// <summary>True when the variable name contains PASSWORD, PASS, TOKEN, SECRET, KEY or CREDENTIAL in any case.</summary>
    public static bool IsSecretName(string name) =>
        SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    /// <summary>Masks the userinfo of every <c>scheme://userinfo@</c> in <paramref name="value"/>.</summary>
    public static string ScrubUrls(string value) => UrlUserInfo().Replace(value, "${scheme}" + Mask + "@");

    // Userinfo runs from "://" to the next '@' without crossing whitespace or another '@'; a '/' inside an
    // unencoded password must not end the match early, so masking a path that contains '@' is the accepted cost.
    [GeneratedRegex("(?<scheme>[A-Za-z][A-Za-z0-9+.-]*://)[^\\s@]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlUserInfo();
}
