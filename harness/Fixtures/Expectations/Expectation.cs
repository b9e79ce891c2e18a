namespace Heimnetz.Testing;

/// <summary>One thing the app must do in a situation; <see cref="Check"/> returns null when it holds, else what was seen instead.</summary>
public sealed record Expectation(string Description, Func<AppRecord, string?> Check)
{
    public override string ToString() => Description;
}
