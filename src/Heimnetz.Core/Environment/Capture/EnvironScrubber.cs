using System.Text;

namespace Heimnetz.EnvironmentDetection.Capture;

/// <summary>
/// Removes secrets from environment variables before they leave the machine or reach a report. Three rules, applied to
/// every <c>NAME=value</c>:
/// a name containing PASSWORD, PASS, PWD, SECRET, TOKEN, KEY, CREDENTIAL or AUTH (any case) has its whole value masked;
/// in any other value, a <c>password=</c>, <c>passwd=</c> or <c>pwd=</c> token has its value masked
/// (<c>host:6379,password=***</c>, <c>Server=db;Password=***</c>); and URL userinfo is masked up to the last <c>@</c>
/// (<c>redis://***@host:6379</c>). Names and every other value stay readable, so a replayed capture still detects.
/// </summary>
internal static class EnvironScrubber
{
    /// <summary>What a scrubbed secret reads as.</summary>
    public const string Mask = "***";

    private static readonly string[] SecretNameParts = ["PASSWORD", "PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "AUTH"];

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
            var scrubbed = equals > 0 ? $"{entry[..equals]}={ScrubValue(entry[..equals], entry[(equals + 1)..])}" : ScrubText(entry);
            output.AddRange(Encoding.UTF8.GetBytes(scrubbed));
        }

        return [.. output];
    }

    /// <summary>The value of variable <paramref name="name"/> as it may be shown: masked whole for a secret-looking name, otherwise <see cref="ScrubText"/>.</summary>
    public static string ScrubValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return IsSecretName(name) ? Mask : ScrubText(value);
    }

    /// <summary>True when the variable name contains PASSWORD, PASS, PWD, SECRET, TOKEN, KEY, CREDENTIAL or AUTH in any case.</summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Any text (a value, a connection string, a URL) with the values of its password tokens and its URL userinfo masked.</summary>
    public static string ScrubText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Tokens first: a password such as "a@b" would otherwise look like the end of a URL's userinfo and take the
        // token's key with it, leaving the rest of the password behind.
        return UrlUserInfo.Mask(PasswordTokens.Mask(text, Mask), Mask);
    }
}
