namespace Heimnetz.Diagnostics;

/// <summary>Whether compose is available: the command that answered and its version line, or what was tried.</summary>
/// <param name="Checked">False when not probed (a replayed capture).</param>
/// <param name="Command">The command that answered, e.g. <c>docker compose</c>, or null.</param>
/// <param name="Version">Its version line, or null.</param>
/// <param name="Tried">What was tried and how it ended, one line each.</param>
public sealed record ComposeProbeResult(bool Checked, string? Command, string? Version, IReadOnlyList<string> Tried)
{
    /// <summary>The result for a replayed capture: compose was not probed.</summary>
    public static ComposeProbeResult Skipped { get; } = new(false, null, null, []);

    /// <summary>True when a compose command answered.</summary>
    public bool Available => Command is not null;
}
