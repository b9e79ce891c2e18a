namespace Heimnetz.Harness.Fixtures.Snapshots;

/// <summary>
/// What comparing a received text with its verified snapshot found, and what <see cref="SnapshotDecision"/> did on disk
/// about it; the NUnit verifier turns it into a pass or an exception, the matrix into a report row.
/// </summary>
public abstract record SnapshotOutcome
{
    private SnapshotOutcome()
    {
    }

    /// <summary>The received text equals the verified one (or the part compared); no received file is left behind.</summary>
    public sealed record Matched : SnapshotOutcome;

    /// <summary>The received text differed and was written as the verified one, as the settings asked; no received file is left behind.</summary>
    public sealed record Accepted(string Diff) : SnapshotOutcome;

    /// <summary>
    /// The received text differs from the verified one. <see cref="ReceivedPath"/> is where it was written, or null when only
    /// a part of the verified text was compared: a part is never written or accepted.
    /// </summary>
    public sealed record Mismatched(string Diff, string? ReceivedPath) : SnapshotOutcome;

    /// <summary>No verified snapshot exists yet and none was accepted; the received text was written to <see cref="ReceivedPath"/>.</summary>
    public sealed record New(string Diff, string ReceivedPath) : SnapshotOutcome;
}
