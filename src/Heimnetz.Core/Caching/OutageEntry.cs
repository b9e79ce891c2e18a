namespace Heimnetz.Caching;

/// <summary>
/// A value kept in memory during an outage, with what write-back needs to compute its remaining time to live:
/// the absolute expiry, the sliding window and the last access that slid it.
/// </summary>
internal sealed class OutageEntry(byte[] value, DateTimeOffset? absoluteExpiration, TimeSpan? slidingExpiration, DateTimeOffset written)
{
    private long lastAccessTicks = written.UtcTicks;
    private Task<byte[]?>? valueTask;

    public byte[] Value { get; } = value;

    /// <summary>The value as a completed task, made once per entry so an async read from memory allocates nothing.</summary>
    public Task<byte[]?> ValueTask => valueTask ??= Task.FromResult<byte[]?>(Value);

    public DateTimeOffset? AbsoluteExpiration { get; } = absoluteExpiration;

    public TimeSpan? SlidingExpiration { get; } = slidingExpiration;

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref lastAccessTicks, now.UtcTicks);

    /// <summary>The time left before this entry expires, or null when it never does.</summary>
    public TimeSpan? RemainingAt(DateTimeOffset now)
    {
        TimeSpan? remaining = null;
        if (AbsoluteExpiration is { } absolute)
        {
            remaining = absolute - now;
        }

        if (SlidingExpiration is { } sliding)
        {
            var lastAccess = new DateTimeOffset(Interlocked.Read(ref lastAccessTicks), TimeSpan.Zero);
            var slid = lastAccess + sliding - now;
            remaining = remaining is { } r && r < slid ? r : slid;
        }

        return remaining;
    }
}
