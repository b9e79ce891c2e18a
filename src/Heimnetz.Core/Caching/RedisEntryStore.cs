using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>
/// The commands an entry costs in Redis. An entry is one string in <see cref="RedisEntryFormat"/> with a key expiry of the
/// time it has left: a write is one <c>SET … PX</c> (atomic: value and expiry never come apart, even between two writers),
/// a read one <c>GET</c>. Only entries with a sliding window need more: a read or refresh slides their expiry in a
/// server-side script, capped by the absolute expiry. A removal is a write too: a tombstone with the removal's time, kept
/// for <see cref="HeimnetzCacheDefaults.TombstoneLifetime"/>, so that a later write-back of an older outage write (from this
/// or another instance) cannot bring the key back.
/// </summary>
internal static class RedisEntryStore
{
    // KEYS[1] key; ARGV[1] now Unix ms; ARGV[2] '1' to return the value (read and slide in one round trip), '0' to slide only.
    // It reads the header of whatever entry the key holds now, so it never applies a replaced entry's window; a key of
    // another type (another program's hash) is left alone and reads as a miss instead of failing with WRONGTYPE.
    private static readonly string SlideScript = $$"""
        if redis.call('TYPE', KEYS[1]).ok ~= 'string' then return false end
        local v
        if ARGV[2] == '1' then v = redis.call('GET', KEYS[1]) else v = redis.call('GETRANGE', KEYS[1], 0, {{RedisEntryFormat.MaxHeaderBytes - 1}}) end
        if not v or v == '' then return false end
        local sld, abs = string.match(v, '^hn[12]|(%d*)|(%d*)|')
        if sld and sld ~= '' then
          local ttl = tonumber(sld)
          if abs ~= '' then
            local left = tonumber(abs) - tonumber(ARGV[1])
            if left < ttl then ttl = left end
          end
          if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
        end
        if ARGV[2] == '1' then return v end
        return false
        """;

    // KEYS[1] key; ARGV[1] the write time (Unix µs) of what is replayed; ARGV[2] the entry or tombstone; ARGV[3] its time to
    // live in ms ('' for none). Writes only when the key holds nothing this cache wrote later: an entry or tombstone with a
    // write time at or after ours wins (a tie keeps what is there), anything else (an hn1 entry, a foreign value) is older.
    private static readonly string ReplayScript = $$"""
        if redis.call('TYPE', KEYS[1]).ok == 'string' then
          local h = redis.call('GETRANGE', KEYS[1], 0, {{RedisEntryFormat.MaxHeaderBytes - 1}})
          local w = string.match(h, '^hn2|%d*|%d*|(%d+)|') or string.match(h, '^hnt|(%d+)|')
          if w and tonumber(w) >= tonumber(ARGV[1]) then return 0 end
        end
        if ARGV[3] == '' then redis.call('SET', KEYS[1], ARGV[2]) else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
        return 1
        """;

    /// <summary>Reads an entry with one GET into pooled memory; <see cref="Decode(Lease{byte}?, out bool)"/> copies the data out once.</summary>
    public static Task<Lease<byte>?> ReadAsync(IDatabase database, string key) => database.StringGetLeaseAsync(key);

    /// <summary>The caller's data from a read (null for a miss or a value this cache did not write), and whether the entry slides.</summary>
    public static byte[]? Decode(Lease<byte>? value, out bool sliding)
    {
        sliding = false;
        return value is null ? null : Decode(value.Span, out sliding);
    }

    /// <summary>
    /// Reads an entry with one GET, and slides a sliding one in a second round trip; both share <paramref name="timeout"/>.
    /// A key of another type (another program keeps it there) is a miss: Redis answered.
    /// </summary>
    public static async Task<byte[]?> GetAsync(IDatabase database, string key, TimeProvider timeProvider, TimeSpan timeout)
    {
        var started = timeProvider.GetTimestamp();
        byte[]? data;
        bool sliding;
        try
        {
            using var stored = await ReadAsync(database, key).ConfigureAwait(false);
            data = Decode(stored, out sliding);
        }
        catch (RedisServerException error) when (IsForeignValue(error))
        {
            return null;
        }

        if (sliding)
        {
            var left = timeout - timeProvider.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException();
            }

            var slide = SlideAsync(database, key, timeProvider.GetUtcNow());
            try
            {
                await slide.WaitAsync(left, timeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                CacheCallRunner.Observe(slide);
                throw;
            }
        }

        return data;
    }

    /// <summary>Reads and slides in one round trip (the script); the synchronous API has one timeout per round trip, so it keeps to one.</summary>
    public static byte[]? Get(IDatabase database, string key, DateTimeOffset now)
    {
        var result = database.ScriptEvaluate(SlideScript, [key], [now.ToUnixTimeMilliseconds(), "1"]);
        return result.IsNull ? null : Decode((byte[]?)result, out _);
    }

    /// <summary>Slides the expiry of whatever entry the key holds now (capped by its absolute expiry); nothing for a fixed one.</summary>
    public static Task<RedisResult> SlideAsync(IDatabase database, string key, DateTimeOffset now) =>
        database.ScriptEvaluateAsync(SlideScript, [key], [now.ToUnixTimeMilliseconds(), "0"]);

    public static RedisResult Slide(IDatabase database, string key, DateTimeOffset now) =>
        database.ScriptEvaluate(SlideScript, [key], [now.ToUnixTimeMilliseconds(), "0"]);

    /// <summary>
    /// Writes an encoded entry and its first time to live in one SET; without a time to live SET also clears an older expiry.
    /// The caller returns <paramref name="entry"/> once this succeeded (it is already awaiting the call; one more state machine here would cost more than it saves).
    /// </summary>
    public static Task<bool> WriteAsync(IDatabase database, string key, EncodedEntry entry, TimeSpan? timeToLive) =>
        database.StringSetAsync(key, entry.Value, Expiry(timeToLive), When.Always);

    /// <summary>Encodes and writes an entry, returning the buffer once Redis answered.</summary>
    public static bool Set(IDatabase database, string key, byte[] value, DateTimeOffset? absolute, TimeSpan? sliding, TimeSpan? timeToLive, long written)
    {
        var entry = RedisEntryFormat.Encode(value, sliding, absolute, written);
        var stored = database.StringSet(key, entry.Value, Expiry(timeToLive), When.Always);
        entry.Return();
        return stored;
    }

    /// <summary>Removes an entry by leaving a tombstone with the removal's time; it reads as a miss.</summary>
    public static Task<bool> RemoveAsync(IDatabase database, string key, long written) =>
        database.StringSetAsync(key, RedisEntryFormat.EncodeTombstone(written), HeimnetzCacheDefaults.TombstoneLifetime, When.Always);

    public static bool Remove(IDatabase database, string key, long written) =>
        database.StringSet(key, RedisEntryFormat.EncodeTombstone(written), HeimnetzCacheDefaults.TombstoneLifetime, When.Always);

    /// <summary>
    /// Replays an outage write (an entry with its remaining time to live, or a removal as a tombstone) unless Redis holds
    /// something this cache wrote at the same time or later; true when it was written, false when the newer one was kept.
    /// </summary>
    public static async Task<bool> ReplayAsync(IDatabase database, string key, OutageEntry? entry, long written, DateTimeOffset now)
    {
        byte[] value;
        TimeSpan? timeToLive;
        var remaining = entry?.RemainingAt(now);
        if (entry is not null && (remaining is null || remaining > TimeSpan.Zero))
        {
            var encoded = RedisEntryFormat.Encode(entry.Value, entry.SlidingExpiration, entry.AbsoluteExpiration, written);
            value = encoded.Value.ToArray();
            encoded.Return();
            timeToLive = remaining;
        }
        else
        {
            // Removed, or expired since: either way the key's state as of that write is "gone".
            value = RedisEntryFormat.EncodeTombstone(written);
            timeToLive = HeimnetzCacheDefaults.TombstoneLifetime;
        }

        var ttl = timeToLive is { } t ? RedisEntryFormat.Milliseconds(t).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        var result = await database.ScriptEvaluateAsync(ReplayScript, [key], [written, value, ttl]).ConfigureAwait(false);
        return (int)result == 1;
    }

    /// <summary>
    /// Whether Redis refused a plain GET because the key holds another type (a hash or list another program keeps there):
    /// Redis answered, so for the cache that is a miss, not an outage. The script checks the type itself.
    /// </summary>
    public static bool IsForeignValue(RedisServerException error) =>
        error.Message.Contains("WRONGTYPE", StringComparison.Ordinal);

    private static TimeSpan? Expiry(TimeSpan? timeToLive) =>
        timeToLive is { } t ? TimeSpan.FromMilliseconds(RedisEntryFormat.Milliseconds(t)) : null;

    private static byte[]? Decode(ReadOnlySpan<byte> value, out bool sliding)
    {
        sliding = false;
        if (!RedisEntryFormat.TryDecode(value, out var header))
        {
            return null;
        }

        sliding = header.IsSliding;
        return value[header.DataOffset..].ToArray();
    }
}
