namespace Heimnetz.Caching;

/// <summary>
/// The write time stamped on every entry and removal, in Unix microseconds: the wall clock of the cache's
/// <see cref="TimeProvider"/>, but never the same or earlier than the previous stamp of this cache, so two writes one after
/// the other are always ordered even within one microsecond, or when the wall clock steps back.
/// </summary>
internal sealed class WriteClock(TimeProvider timeProvider)
{
    private long last;

    public long Next()
    {
        var now = (timeProvider.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
        while (true)
        {
            var previous = Volatile.Read(ref last);
            var next = Math.Max(now, previous + 1);
            if (Interlocked.CompareExchange(ref last, next, previous) == previous)
            {
                return next;
            }
        }
    }
}
