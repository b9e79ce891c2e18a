using System.Globalization;

namespace Heimnetz.Tests.Caching.History;

/// <summary>
/// The seeds the history runs use: <c>HEIMNETZ_CACHE_HISTORY_SEEDS</c> holds a count ("20": seeds 1 to 20), a range
/// ("5-9") or a list ("3,7"); without it two seeds run, which keeps the suite short. A failing run names its seed, and the
/// same seed repeats the same schedule of faults and calls (the interleaving with the server still varies).
/// </summary>
internal static class HistorySeeds
{
    public const string Variable = "HEIMNETZ_CACHE_HISTORY_SEEDS";

    public static IEnumerable<int> Read()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [1, 2];
        }

        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            return Enumerable.Range(1, count);
        }

        var range = text.Split('-');
        if (range.Length == 2 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last) && first <= last)
        {
            return Enumerable.Range(first, last - first + 1);
        }

        var list = text.Split(',', StringSplitOptions.TrimEntries);
        var seeds = list.Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : -1).ToArray();
        if (seeds.Length == 0 || seeds.Any(s => s < 0))
        {
            throw new ArgumentException($"{Variable} is '{text}'; expected a count ('20'), a range ('5-9') or a list ('3,7') of non-negative whole numbers.");
        }

        return seeds;
    }
}
