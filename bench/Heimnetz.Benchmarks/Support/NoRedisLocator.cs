using Heimnetz.Caching;

namespace Heimnetz.Benchmarks.Support;

/// <summary>A locator that never finds Redis, so a cache stays in memory mode for the whole run.</summary>
internal sealed class NoRedisLocator : IRedisLocator
{
    public ValueTask<RedisLocation?> LocateAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<RedisLocation?>(null);
}
