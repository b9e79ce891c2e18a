using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Cli.Fix;

/// <summary>One remedy in the plan: the finding it came from, the action, and why fix will not apply it (null when it will).</summary>
internal sealed record FixStep(string Code, RemedyAction Action, string? Skipped)
{
    public bool Applies => Skipped is null;
}
