using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>A removal: a tombstone with the removal's time in Redis, else a removal kept in the outage's memory.</summary>
internal readonly struct RemoveCall(OutageStore memory, Func<bool> outageContinues, string key, long written) : ICacheCall<bool>
{
    public string Operation => "remove";

    public bool IsWrite => true;

    public bool Call(IDatabase database) => RedisEntryStore.Remove(database, key, written);

    public Task<bool> CallAsync(IDatabase database) => RedisEntryStore.RemoveAsync(database, key, written);

    public void Completed()
    {
    }

    public bool TryMemory(out bool result)
    {
        result = true;
        return memory.TryRemove(key, written, outageContinues);
    }
}
