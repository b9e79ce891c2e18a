using System.Buffers;

namespace Heimnetz.Sample.Service.Caching;

/// <summary>The rule for keys of <c>/cache/{key}</c>: 1 to 200 characters from <c>[A-Za-z0-9:_.-]</c>, and not only dots.</summary>
internal static class CacheKey
{
    public const int MaxLength = 200;

    public const string Allowed = "A-Z a-z 0-9 : _ . -";

    private static readonly SearchValues<char> Valid = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:_.-");

    /// <summary>Null when <paramref name="key"/> is valid, else why not, quoting at most the start of the bad value.</summary>
    public static string? Problem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "The key is empty; expected 1 to 200 characters from " + Allowed + ".";
        }

        if (key.Length > MaxLength)
        {
            return $"The key is {key.Length} characters long; expected at most {MaxLength}.";
        }

        var bad = key.AsSpan().IndexOfAnyExcept(Valid);
        if (bad >= 0)
        {
            return $"The key '{Quote(key)}' has '{Quote(key[bad].ToString())}' at position {bad}; expected only {Allowed}.";
        }

        // "." and ".." are path segments to every proxy and file system in between, never a cache key.
        return key.AsSpan().IndexOfAnyExcept('.') < 0 ? $"The key '{key}' is only dots; expected at least one other character." : null;
    }

    // Control characters would break a log line or a terminal; show them as escapes.
    private static string Quote(string value) =>
        string.Concat(value.Select(character => char.IsControl(character) ? $"\\u{(int)character:x4}" : character.ToString()));
}
