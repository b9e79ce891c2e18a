using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>
/// The commands an entry costs in Redis. An entry is one string in <see cref="RedisEntryFormat"/> with a key expiry of the
/// time it has left: a write is one <c>SET … PX</c> (atomic: value and expiry never come apart, even between two writers),
/// a read one <c>GET</c>. Only entries with a sliding window need more: a read or refresh slides their expiry in a
/// server-side script, capped by the absolute expiry.
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
        local sld, abs = string.match(v, '^hn1|(%d*)|(%d*)|')
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

    /// <summary>Reads an entry with one GET into pooled memory; <see cref="Decode(Lease{byte}?, out bool)"/> copies the data out once.</summary>
    public static Task<Lease<byte>?> ReadAsync(IDatabase database, string key) => database.StringGetLeaseAsync(key);

    /// <summary>The caller's data from a read (null for a miss or a value this cache did not write), and whether the entry slides.</summary>
    public static byte[]? Decode(Lease<byte>? value, out bool sliding)
    {
        sliding = false;
        return value is null ? null : Decode(value.Span, out sliding);
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
    public static async Task<bool> SetAsync(IDatabase database, string key, byte[] value, DateTimeOffset? absolute, TimeSpan? sliding, TimeSpan? timeToLive)
    {
        var entry = RedisEntryFormat.Encode(value, sliding, absolute);
        var written = await WriteAsync(database, key, entry, timeToLive).ConfigureAwait(false);
        entry.Return();
        return written;
    }

    public static bool Set(IDatabase database, string key, byte[] value, DateTimeOffset? absolute, TimeSpan? sliding, TimeSpan? timeToLive)
    {
        var entry = RedisEntryFormat.Encode(value, sliding, absolute);
        var written = database.StringSet(key, entry.Value, Expiry(timeToLive), When.Always);
        entry.Return();
        return written;
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
