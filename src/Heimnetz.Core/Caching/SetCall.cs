using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>A write of an entry: one <c>SET … PX</c> to Redis, else into the outage's memory.</summary>
internal struct SetCall(
    OutageStore memory, Func<bool> outageContinues, string key, byte[] value, DistributedCacheEntryOptions options, DateTimeOffset? absolute, TimeSpan? timeToLive, long written)
    : ICacheCall<bool>
{
    private EncodedEntry? pending;

    public readonly string Operation => "set";

    public readonly bool IsWrite => true;

    public readonly bool Call(IDatabase database) =>
        RedisEntryStore.Set(database, key, value, absolute, options.SlidingExpiration, timeToLive, written);

    public Task<bool> CallAsync(IDatabase database)
    {
        // Encoded per attempt: a failed attempt's buffer may still be queued in SE.Redis, so it is never reused.
        var entry = RedisEntryFormat.Encode(value, options.SlidingExpiration, absolute, written);
        pending = entry;
        return RedisEntryStore.WriteAsync(database, key, entry, timeToLive);
    }

    public void Completed()
    {
        pending?.Return();
        pending = null;
    }

    public readonly bool TryMemory(out bool result)
    {
        result = true;
        return memory.TrySet(key, value, options, written, outageContinues);
    }
}
