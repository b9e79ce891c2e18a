namespace Heimnetz.Diagnostics;

/// <summary>
/// One thing <c>heimnetz doctor</c> found: a stable code (see <see cref="FindingCodes"/>), how much it matters,
/// a one-line title, what was observed, and what to do about it (null when there is nothing to do).
/// </summary>
public sealed record Finding(string Code, FindingSeverity Severity, string Title, IReadOnlyList<string> Observed, string? Remedy);
