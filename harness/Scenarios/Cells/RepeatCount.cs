using System.Globalization;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>How many times to run the whole selection (<c>--repeat</c>); 1 by default, as a single run always was.</summary>
public static class RepeatCount
{
    /// <summary>Parses a positive integer; <paramref name="source"/> names where the value came from for the error.</summary>
    public static int Parse(string? text, string source = "--repeat")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1)
        {
            return count;
        }

        throw new ArgumentException($"{source} '{text}' is not a run count; expected a positive integer, e.g. 3.", nameof(text));
    }
}
