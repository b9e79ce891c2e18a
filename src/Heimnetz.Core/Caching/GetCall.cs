using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>A read: Redis's entry (sliding its expiry when it slides), else the outage's memory.</summary>
internal readonly struct GetCall(OutageStore memory, string key, TimeProvider timeProvider, TimeSpan operationTimeout) : ICacheCall<byte[]?>
{
    public string Operation => "get";

    public bool IsWrite => false;

    // One round trip, the script: the synchronous API has one timeout per round trip.
    public byte[]? Call(IDatabase database) => RedisEntryStore.Get(database, key, timeProvider.GetUtcNow());

    public Task<byte[]?> CallAsync(IDatabase database) => RedisEntryStore.GetAsync(database, key, timeProvider, operationTimeout);

    public void Completed()
    {
    }

    public bool TryMemory(out byte[]? result)
    {
        result = memory.Get(key);
        return true;
    }
}
