namespace Heimnetz.Caching;

/// <summary>
/// What the header of a stored entry says: where the data starts, its sliding window (ms), absolute expiry (Unix ms) and
/// when it was written (Unix µs; null for an entry of the first format, which had no write time).
/// </summary>
internal readonly record struct RedisEntryHeader(int DataOffset, long? SlidingMilliseconds, long? AbsoluteUnixMilliseconds, long? WrittenUnixMicroseconds = null)
{
    /// <summary>Whether a read has to slide the entry's expiry.</summary>
    public bool IsSliding => SlidingMilliseconds is not null;
}
