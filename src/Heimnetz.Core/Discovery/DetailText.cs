using System.Text;

namespace Heimnetz.Discovery;

/// <summary>
/// Makes text from a peer safe for a report: printable ASCII only, short, and with our secrets masked,
/// because a hostile peer may echo back what we sent it.
/// </summary>
internal static class DetailText
{
    public const int DefaultMaxLength = 60;

    public static string Sanitize(string text, int maxLength = DefaultMaxLength, params ReadOnlySpan<string?> secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 3));
        foreach (var character in text)
        {
            if (builder.Length == maxLength)
            {
                builder.Append("...");
                break;
            }

            builder.Append(character is >= ' ' and <= '~' ? character : '.');
        }

        return builder.ToString();
    }

    /// <summary>The first line of raw bytes a peer sent, made safe; for "answered 'HTTP/1.1 400 Bad Request'".</summary>
    public static string FirstLine(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
        var line = end >= 0 ? bytes[..end] : bytes;
        return Sanitize(Encoding.Latin1.GetString(line));
    }
}
