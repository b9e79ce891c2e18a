using Heimnetz.Caching;

namespace Heimnetz.CacheReplica;

/// <summary>
/// Locates one Redis, but only while the gate is open: a held gate answers "no Redis", so the cache stays in memory
/// after an outage until the driving test lets this replica return, and the test decides which replica returns first.
/// </summary>
internal sealed class GatedLocator(RedisLocation location) : IRedisLocator
{
    private volatile bool open = true;

    public void Hold() => open = false;

    public void Open() => open = true;

    public ValueTask<RedisLocation?> LocateAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(open ? location : null);
}
