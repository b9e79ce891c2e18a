using System.Globalization;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>One of <see cref="Count"/> parts of the cell list (1-based, written <c>i/n</c>), so a CI job matrix can spread the cells.</summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses <c>i/n</c> with 1 ≤ i ≤ n; <paramref name="source"/> names where the value came from for the error.</summary>
    public static Shard Parse(string? text, string source = "--shard")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        throw new ArgumentException($"{source} '{text}' is not a shard; expected i/n with 1 ≤ i ≤ n, e.g. 1/3.", nameof(text));
    }

    /// <summary>Round-robin over the given (already sorted) items: item k belongs to shard (k mod n) + 1.</summary>
    public IReadOnlyList<T> Take<T>(IReadOnlyList<T> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Where((_, k) => k % Count == Index - 1).ToList();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
