using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;

namespace Heimnetz.Caching;

/// <summary>
/// The memory side of <see cref="ResilientCache"/>: a <see cref="MemoryCache"/> whose entries belong to one outage (a generation).
/// When Redis returns the generation is retired, so nothing written during one outage is ever served after it,
/// even by a caller that raced the switch; each generation remembers which keys it touched, for write-back.
/// </summary>
internal sealed class OutageStore : IDisposable
{
    private readonly MemoryCache cache;
    private readonly TimeProvider timeProvider;
    private Generation current = new(0);

    public OutageStore(TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
#pragma warning disable CS0618 // MemoryCache still takes its clock as ISystemClock; TimeProvider is what we inject everywhere else.
        cache = new MemoryCache(new MemoryCacheOptions { Clock = new TimeProviderClock(timeProvider) });
#pragma warning restore CS0618
    }

    public Generation Current => Volatile.Read(ref current);

    public int Count => cache.Count;

    public byte[]? Get(string key) => TryGetEntry(Current, key)?.Value;

    public OutageEntry? TryGetEntry(Generation generation, string key)
    {
        if (cache.TryGetValue(new OutageKey(generation.Number, key), out OutageEntry? entry) && entry is not null)
        {
            entry.Touch(timeProvider.GetUtcNow());
            return entry;
        }

        return null;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        var now = timeProvider.GetUtcNow();
        var absolute = ExpirationMath.Absolute(options, now);
        var entry = new OutageEntry(value, absolute, options.SlidingExpiration, now);
        var generation = Current;
        cache.Set(new OutageKey(generation.Number, key), entry, new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = absolute,
            SlidingExpiration = options.SlidingExpiration,
        });
        generation.MarkDirty(key);
    }

    public void Remove(string key)
    {
        var generation = Current;
        cache.Remove(new OutageKey(generation.Number, key));
        generation.MarkDirty(key);
    }

    /// <summary>Starts a new generation and returns the one that ends; its entries stay readable until <see cref="Drop"/>.</summary>
    public Generation Advance()
    {
        var next = new Generation(Current.Number + 1);
        return Interlocked.Exchange(ref current, next);
    }

    /// <summary>Removes every entry of a retired generation.</summary>
    public int Drop(Generation generation)
    {
        var count = 0;
        foreach (var key in generation.Keys)
        {
            cache.Remove(new OutageKey(generation.Number, key));
            count++;
        }

        return count;
    }

    public void Dispose() => cache.Dispose();

    private readonly record struct OutageKey(long Generation, string Key);

    /// <summary>One outage's keys; "dirty" means written or removed since write-back last looked at it.</summary>
    internal sealed class Generation(long number)
    {
        private readonly ConcurrentDictionary<string, bool> touched = new(StringComparer.Ordinal);

        public long Number { get; } = number;

        public ICollection<string> Keys => touched.Keys;

        public void MarkDirty(string key) => touched[key] = true;

        /// <summary>Claims a dirty key for replay; a write after this marks it dirty again, so a second pass sees it.</summary>
        public bool TryClaim(string key) => touched.TryUpdate(key, false, true);

        public IEnumerable<string> DirtyKeys() => touched.Where(pair => pair.Value).Select(pair => pair.Key).ToList();
    }
}
