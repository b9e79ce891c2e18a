namespace Heimnetz.Caching;

/// <summary>What a replay did: entries written, tombstones written, changes skipped because Redis held a newer write, and failures.</summary>
internal readonly record struct WriteBackCount(int Written, int Deleted, int Kept, int Failed)
{
    public static WriteBackCount operator +(WriteBackCount left, WriteBackCount right) =>
        new(left.Written + right.Written, left.Deleted + right.Deleted, left.Kept + right.Kept, left.Failed + right.Failed);
}
