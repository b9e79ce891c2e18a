namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>A cell began running, <see cref="Elapsed"/> into the run.</summary>
public sealed class CellStartedEventArgs(MatrixCell cell, TimeSpan elapsed) : EventArgs
{
    public MatrixCell Cell { get; } = cell;

    public TimeSpan Elapsed { get; } = elapsed;
}
