namespace Heimnetz.Harness.Scenarios.Remedies;

/// <summary>
/// The remedy column of one cell: what the doctor's typed remedies did when the harness applied them the way a user
/// would, e.g. "broken → healthy after add-extra-host", or why none was applied.
/// </summary>
public sealed record RemedyOutcome
{
    private RemedyOutcome(string text, string? failure)
    {
        Text = text;
        Failure = failure;
    }

    /// <summary>The matrix cell.</summary>
    public string Text { get; }

    /// <summary>Why the remedies did not prove themselves, or null when they did (or there was nothing to prove).</summary>
    public string? Failure { get; }

    /// <summary>The doctor found nothing to remedy.</summary>
    public static RemedyOutcome NothingToDo { get; } = new("—", null);

    /// <summary>A problem that only a person can fix, e.g. "no remedy (needs the password)".</summary>
    public static RemedyOutcome NoneApplies(IEnumerable<string> reasons) =>
        new($"no remedy ({string.Join("; ", reasons.Distinct(StringComparer.Ordinal))})", null);

    /// <summary>The doctor's verdict before and after the remedies of <paramref name="kinds"/> were applied.</summary>
    public static RemedyOutcome Applied(string before, string after, string afterInFull, IReadOnlyList<string> kinds)
    {
        var text = $"{before} → {after} after {string.Join(", ", kinds)}";
        return new(text, after == "healthy" ? null : $"the remedies left the app {afterInFull}");
    }

    /// <summary>The remedies could not be applied here; a red cell, with the reason.</summary>
    public static RemedyOutcome NotApplied(string before, string why) => new($"{before} → not applied: {why}", why);

    public override string ToString() => Text;
}
