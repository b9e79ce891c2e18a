namespace Heimnetz.Diagnostics;

/// <summary>How one name resolved: its addresses, or why it did not.</summary>
public sealed record NameResolution(string Name, IReadOnlyList<string> Addresses, string? Problem)
{
    /// <summary>True when the name resolved to at least one address.</summary>
    public bool Resolved => Addresses.Count > 0;
}
