namespace Heimnetz.Diagnostics.Remedies;

/// <summary>
/// What to do about a finding, as data: a kind (see <see cref="RemedyKinds"/>) and its parameters. The prose a
/// finding prints is rendered from the action by <see cref="Describe"/>, so the words and the data cannot drift, and a
/// tool (<c>heimnetz fix</c>, the scenario matrix) applies the action from its parameters alone.
/// </summary>
public abstract record RemedyAction
{
    private protected RemedyAction()
    {
    }

    /// <summary>The action's wire name, one of <see cref="RemedyKinds"/>.</summary>
    public abstract string Kind { get; }

    /// <summary>The remedy in words, rendered from the parameters.</summary>
    public abstract string Describe();
}
