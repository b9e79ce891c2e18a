using System.Text;

namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>Parses <c>proc/self/environ</c>: <c>NAME=value</c> entries separated by NUL bytes.</summary>
internal static class EnvironParser
{
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> content)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in content.Split((byte)0))
        {
            var entry = Encoding.UTF8.GetString(content[range]);
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                // Like getenv, the first definition of a name wins.
                variables.TryAdd(entry[..equals], entry[(equals + 1)..]);
            }
        }

        return variables;
    }
}
