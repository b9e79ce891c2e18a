namespace Heimnetz.Diagnostics.Remedies;

/// <summary>Nothing here can fix the finding: says what to do, why no tool can do it from here, and who can.</summary>
/// <param name="Steps">What to do, in words.</param>
/// <param name="Reason">Why it cannot be fixed from here, e.g. "needs the password".</param>
/// <param name="FixableBy">Who can fix it, e.g. "whoever runs that Redis server".</param>
public sealed record NoAutomaticRemedy(string Steps, string Reason, string FixableBy) : RemedyAction
{
    /// <inheritdoc/>
    public override string Kind => RemedyKinds.None;

    /// <inheritdoc/>
    public override string Describe() => $"{Steps} No automatic remedy ({Reason}); who can fix it: {FixableBy}.";
}
