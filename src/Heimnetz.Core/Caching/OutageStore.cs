using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;

namespace Heimnetz.Caching;

/// <summary>
/// The memory side of <see cref="ResilientCache"/>: one <see cref="MemoryCache"/> per outage (a generation).
/// When Redis returns the generation is retired, so nothing written during one outage is ever served after it,
/// even by a caller that raced the switch; each generation remembers the last change to every key it touched, for the replay
/// on return. A generation only takes a write while the cache is in an outage, and is sealed on return: once sealed it takes
/// none, so the replay after the switch sees every write it was given (see <see cref="TrySet"/>).
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

    /// <summary>
    /// Keeps a write in the current generation if the outage still goes on (<paramref name="outageContinues"/>, checked
    /// after entering, so a return cannot slip between the check and the write); false means "Redis is back: write there".
    /// </summary>
    public bool TrySet(string key, byte[] value, DistributedCacheEntryOptions options, long written, Func<bool> outageContinues)
    {
        var generation = Current;
        if (!generation.TryEnter(outageContinues))
        {
            return false;
        }

        try
        {
            var now = timeProvider.GetUtcNow();
            var absolute = ExpirationMath.Absolute(options, now);
            var entry = new OutageEntry(value, absolute, options.SlidingExpiration, now);
            generation.Entries.Set(key, entry, new MemoryCacheEntryOptions
            {
                AbsoluteExpiration = absolute,
                SlidingExpiration = options.SlidingExpiration,
            });
            generation.Changed(key, entry, written);
            return true;
        }
        finally
        {
            generation.Exit();
        }
    }

    /// <summary>Keeps a removal in the current generation if the outage still goes on; see <see cref="TrySet"/>.</summary>
    public bool TryRemove(string key, long written, Func<bool> outageContinues)
    {
        var generation = Current;
        if (!generation.TryEnter(outageContinues))
        {
            return false;
        }

        try
        {
            generation.Entries.Remove(key);
            generation.Changed(key, null, written);
            return true;
        }
        finally
        {
            generation.Exit();
        }
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

    /// <summary>One outage's entries and changes; "dirty" means written or removed since write-back last looked at it.</summary>
    internal sealed class Generation
    {
        private readonly ConcurrentDictionary<string, OutageChange> changes = new(StringComparer.Ordinal);
        private int writers;
        private int isSealed;

#pragma warning disable CS0618
        public Generation(long number, TimeProviderClock? clock)
#pragma warning restore CS0618
        {
            Number = number;
            Entries = new MemoryCache(new MemoryCacheOptions { Clock = clock });
        }

        public long Number { get; }

        public MemoryCache Entries { get; }

        public ICollection<string> Keys => changes.Keys;

        /// <summary>Enters as a writer unless sealed, and stays only if the outage still goes on.</summary>
        public bool TryEnter(Func<bool> outageContinues)
        {
            // Announce first, then look: Seal sets its flag first, then waits for writers; with both as full fences one of the
            // two always sees the other, so no write lands after the seal.
            Interlocked.Increment(ref writers);
            if (Volatile.Read(ref isSealed) == 0 && outageContinues())
            {
                return true;
            }

            Interlocked.Decrement(ref writers);
            return false;
        }

        public void Exit() => Interlocked.Decrement(ref writers);

        /// <summary>Takes no more writes and waits for the ones under way (each a few memory operations) to finish.</summary>
        public void Seal()
        {
            Interlocked.Exchange(ref isSealed, 1);
            var wait = default(SpinWait);
            while (Volatile.Read(ref writers) != 0)
            {
                wait.SpinOnce();
            }
        }

        public void Changed(string key, OutageEntry? entry, long written) =>
            changes.AddOrUpdate(
                key,
                static (_, change) => new OutageChange(change.entry, change.written, change.entry is null ? change.written : null, Dirty: true),
                static (_, previous, change) => new OutageChange(change.entry, change.written, change.entry is null ? change.written : previous.RemovedAt, Dirty: true),
                (entry, written));

        /// <summary>Claims a dirty key for replay; a write after this marks it dirty again, so a second pass sees it.</summary>
        public OutageChange? TryClaim(string key)
        {
            while (changes.TryGetValue(key, out var change) && change.Dirty)
            {
                var claimed = change with { Dirty = false };
                if (changes.TryUpdate(key, claimed, change))
                {
                    return claimed;
                }
            }

            return null;
        }

        public IEnumerable<string> DirtyKeys() => changes.Where(pair => pair.Value.Dirty).Select(pair => pair.Key).ToList();
    }
}
