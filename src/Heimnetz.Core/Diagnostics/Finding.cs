using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics;

/// <summary>
/// One thing <c>heimnetz doctor</c> found: a stable code (see <see cref="FindingCodes"/>), how much it matters,
/// a one-line title, what was observed, and what to do about it as a typed action (null when there is nothing to do).
/// </summary>
public sealed record Finding(string Code, FindingSeverity Severity, string Title, IReadOnlyList<string> Observed, RemedyAction? Action)
{
    private readonly RemedyAction? action = Action;

    /// <summary>What to do about it, as data; setting it (also through <c>with</c>) renders <see cref="Remedy"/> again.</summary>
    public RemedyAction? Action
    {
        get => action;
        init
        {
            action = value;
            Remedy = value?.Describe();
        }
    }

    /// <summary>The remedy in words, rendered from <see cref="Action"/> (only ever masked afterwards); null when there is nothing to do.</summary>
    public string? Remedy { get; internal init; } = Action?.Describe();
}
