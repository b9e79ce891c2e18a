namespace Heimnetz.Diagnostics;

/// <summary>
/// The last line of defence: masks every configured password in every finding, whatever check or peer put it there.
/// </summary>
internal static class FindingScrubber
{
    public const string Mask = "***";

    public static IReadOnlyList<Finding> Scrub(IReadOnlyList<Finding> findings, IReadOnlyCollection<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(secrets);
        var masks = secrets.Where(secret => !string.IsNullOrEmpty(secret)).Distinct(StringComparer.Ordinal).OrderByDescending(secret => secret.Length).ToList();
        if (masks.Count == 0)
        {
            return findings;
        }

        string Clean(string text) => masks.Aggregate(text, (current, secret) => current.Replace(secret, Mask, StringComparison.Ordinal));
        return [.. findings.Select(finding => finding with
        {
            Title = Clean(finding.Title),
            Observed = [.. finding.Observed.Select(Clean)],
            Remedy = finding.Remedy is null ? null : Clean(finding.Remedy),
        })];
    }
}
