using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;

namespace Heimnetz.Caching;

/// <summary>
/// The memory side of <see cref="ResilientCache"/>: one <see cref="MemoryCache"/> per outage (a generation).
/// When Redis returns the generation is retired, so nothing written during one outage is ever served after it,
/// even by a caller that raced the switch; each generation remembers which keys it touched, for write-back.
/// </summary>
/// <remarks>
/// A cache per generation (instead of one cache keyed by generation and key) keeps the plain string key, which
/// <see cref="MemoryCache"/> looks up on its fast path without boxing a composite key on every call.
/// </remarks>
internal sealed class OutageStore : IDisposable
{
    private readonly TimeProvider timeProvider;
#pragma warning disable CS0618 // MemoryCache still takes its clock as ISystemClock; TimeProvider is what we inject everywhere else.
    private readonly TimeProviderClock? clock;
#pragma warning restore CS0618
    private Generation current;

    public OutageStore(TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
        // On the system clock MemoryCache reads the same time itself, without two interface calls per lookup.
#pragma warning disable CS0618
        clock = timeProvider == TimeProvider.System ? null : new TimeProviderClock(timeProvider);
#pragma warning restore CS0618
        current = new Generation(0, clock);
    }

    public Generation Current => Volatile.Read(ref current);

    public int Count => Current.Entries.Count;

    public byte[]? Get(string key) => TryGetEntry(Current, key)?.Value;

    public OutageEntry? TryGetEntry(Generation generation, string key)
    {
        if (generation.Entries.TryGetValue(key, out var value) && value is OutageEntry entry)
        {
            // Only a sliding entry needs its last access, for write-back's remaining time; the others skip the clock read.
            if (entry.SlidingExpiration is not null)
            {
                entry.Touch(timeProvider.GetUtcNow());
            }

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
        generation.Entries.Set(key, entry, new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = absolute,
            SlidingExpiration = options.SlidingExpiration,
        });
        generation.MarkDirty(key);
    }

    public void Remove(string key)
    {
        var generation = Current;
        generation.Entries.Remove(key);
        generation.MarkDirty(key);
    }

    /// <summary>Starts a new generation and returns the one that ends; its entries stay readable until <see cref="Drop"/>.</summary>
    public Generation Advance()
    {
        var next = new Generation(Current.Number + 1, clock);
        return Interlocked.Exchange(ref current, next);
    }

    /// <summary>Removes every entry of a retired generation.</summary>
    public static int Drop(Generation generation)
    {
        var count = generation.Keys.Count;

        // Cleared, not disposed: a caller that raced the switch may still write to it, and must not get ObjectDisposedException.
        generation.Entries.Clear();
        return count;
    }

    public void Dispose() => Current.Entries.Dispose();

    /// <summary>One outage's entries and keys; "dirty" means written or removed since write-back last looked at it.</summary>
    internal sealed class Generation
    {
        private readonly ConcurrentDictionary<string, bool> touched = new(StringComparer.Ordinal);

#pragma warning disable CS0618
        public Generation(long number, TimeProviderClock? clock)
#pragma warning restore CS0618
        {
            Number = number;
            Entries = new MemoryCache(new MemoryCacheOptions { Clock = clock });
        }

        public long Number { get; }

        public MemoryCache Entries { get; }

        public ICollection<string> Keys => touched.Keys;

        public void MarkDirty(string key) => touched[key] = true;

        /// <summary>Claims a dirty key for replay; a write after this marks it dirty again, so a second pass sees it.</summary>
        public bool TryClaim(string key) => touched.TryUpdate(key, false, true);

        public IEnumerable<string> DirtyKeys() => touched.Where(pair => pair.Value).Select(pair => pair.Key).ToList();
    }
}
