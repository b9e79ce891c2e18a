namespace Heimnetz.Caching;

/// <summary>What the header of a stored entry says: where the data starts, its sliding window (ms) and absolute expiry (Unix ms).</summary>
internal readonly record struct RedisEntryHeader(int DataOffset, long? SlidingMilliseconds, long? AbsoluteUnixMilliseconds)
{
    /// <summary>Whether a read has to slide the entry's expiry.</summary>
    public bool IsSliding => SlidingMilliseconds is not null;
}
