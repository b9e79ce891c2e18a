namespace Heimnetz.Tests.Caching.History;

/// <summary>
/// One return to Redis: when the cache switched (the mode-change event) and when it logged that the outage's entries were
/// settled (write-back done, or removals replayed), with the number of write-backs that failed.
/// </summary>
internal sealed record ReturnRecord(long Switched, long Settled, int FailedWriteBacks);
