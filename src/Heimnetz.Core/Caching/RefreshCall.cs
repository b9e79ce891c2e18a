using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>A refresh: slides the entry's expiry in Redis, else touches it in the outage's memory (which slides it there).</summary>
internal readonly struct RefreshCall(OutageStore memory, string key, DateTimeOffset now) : ICacheCall<RedisResult>
{
    private static readonly RedisResult Nothing = RedisResult.Create(0);

    public string Operation => "refresh";

    public bool IsWrite => false;

    public RedisResult Call(IDatabase database) => RedisEntryStore.Slide(database, key, now);

    public Task<RedisResult> CallAsync(IDatabase database) => RedisEntryStore.SlideAsync(database, key, now);

    public void Completed()
    {
    }

    public bool TryMemory(out RedisResult result)
    {
        memory.Get(key);
        result = Nothing;
        return true;
    }
}
