namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>What holds a port that should have been Redis.</summary>
public enum SquatterKind
{
    /// <summary>A web server answering every connection with an HTTP error.</summary>
    HttpResponder,

    /// <summary>Accepts connections and never says a word (a stuck process, a black-holed proxy).</summary>
    Silent,
}
