using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics;

/// <summary>
/// One thing <c>heimnetz doctor</c> found: a stable code (see <see cref="FindingCodes"/>), how much it matters,
/// a one-line title, what was observed, and what to do about it as a typed action (null when there is nothing to do).
/// </summary>
public sealed record Finding(string Code, FindingSeverity Severity, string Title, IReadOnlyList<string> Observed, RemedyAction? Action)
{
    /// <summary>The remedy in words: rendered from <see cref="Action"/> (only masked afterwards), null when there is nothing to do.</summary>
    public string? Remedy { get; init; } = Action?.Describe();
}
