namespace Heimnetz.Harness.Fixtures.Snapshots;

/// <summary>Thrown when what a test received differs from its verified snapshot; the message carries a unified diff.</summary>
public sealed class SnapshotMismatchException : Exception
{
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }

    public SnapshotMismatchException()
    {
    }

    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
