using System.Globalization;
using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>
/// How an entry lives in Redis: a hash with <c>data</c>, <c>sld</c> (sliding window, ms) and <c>abs</c> (absolute expiry, Unix ms),
/// plus a key expiry (PEXPIRE) of the time it has left. Refreshes and sliding reads slide the expiry in a server-side script,
/// capped by <c>abs</c>. This is the layout Microsoft's RedisCache uses, in milliseconds.
/// </summary>
internal static class RedisEntryStore
{
    // KEYS[1] key; ARGV[1] data, ARGV[2] sliding ms or '', ARGV[3] absolute Unix ms or '', ARGV[4] first TTL ms or ''.
    private const string SetScript = """
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'data', ARGV[1])
        if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'sld', ARGV[2]) end
        if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'abs', ARGV[3]) end
        if ARGV[4] ~= '' then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
        return 1
        """;

    // KEYS[1] key; ARGV[1] now Unix ms, ARGV[2] '1' to return the data, '0' to refresh only.
    private const string GetScript = """
        local r = redis.call('HMGET', KEYS[1], 'sld', 'abs', 'data')
        if r[1] then
          local ttl = tonumber(r[1])
          if r[2] then
            local left = tonumber(r[2]) - tonumber(ARGV[1])
            if left < ttl then ttl = left end
          end
          if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
        end
        if ARGV[2] == '1' then return r[3] end
        return false
        """;

    // The fields a read needs, in the order IsSliding and Data expect; one array for every read.
    private static readonly RedisValue[] EntryFields = ["sld", "abs", "data"];

    /// <summary>Reads an entry without a script (HMGET); when <see cref="IsSliding"/> says so, the caller slides it with <see cref="SlideAsync"/>.</summary>
    /// <remarks>Most entries have no sliding window and then this plain read is all a GET costs, server and client side.</remarks>
    public static Task<RedisValue[]> ReadAsync(IDatabase database, string key) => database.HashGetAsync(key, EntryFields);

    public static bool IsSliding(RedisValue[] fields) => !fields[0].IsNull;

    public static byte[]? Data(RedisValue[] fields) => fields[2].IsNull ? null : (byte[]?)fields[2];

    /// <summary>Slides the expiry of whatever entry the key holds now (capped by its <c>abs</c>), in one script, so it never applies a replaced entry's window.</summary>
    public static Task<RedisResult> SlideAsync(IDatabase database, string key, DateTimeOffset now) =>
        database.ScriptEvaluateAsync(GetScript, [key], [now.ToUnixTimeMilliseconds(), "0"]);

    public static RedisResult Slide(IDatabase database, string key, DateTimeOffset now) =>
        database.ScriptEvaluate(GetScript, [key], [now.ToUnixTimeMilliseconds(), "0"]);

    /// <summary>Reads and slides in one round trip (the script); the synchronous API has one timeout per round trip, so it keeps to one.</summary>
    public static byte[]? Get(IDatabase database, string key, DateTimeOffset now) =>
        Data(database.ScriptEvaluate(GetScript, [key], [now.ToUnixTimeMilliseconds(), "1"]));

    public static Task<RedisResult> SetAsync(IDatabase database, string key, byte[] value, DateTimeOffset? absolute, TimeSpan? sliding, TimeSpan? timeToLive) =>
        database.ScriptEvaluateAsync(SetScript, [key], SetArguments(value, absolute, sliding, timeToLive));

    public static RedisResult Set(IDatabase database, string key, byte[] value, DateTimeOffset? absolute, TimeSpan? sliding, TimeSpan? timeToLive) =>
        database.ScriptEvaluate(SetScript, [key], SetArguments(value, absolute, sliding, timeToLive));

    public static byte[]? Data(RedisResult result) => result.IsNull ? null : (byte[]?)result;

    private static RedisValue[] SetArguments(byte[] value, DateTimeOffset? absolute, TimeSpan? sliding, TimeSpan? timeToLive) =>
    [
        value,
        sliding is { } s ? Milliseconds(s) : string.Empty,
        absolute is { } a ? a.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : string.Empty,
        timeToLive is { } t ? Milliseconds(t) : string.Empty,
    ];

    // Round up, and never 0: PEXPIRE 0 deletes, and an entry with 0.4 ms left is still alive.
    private static string Milliseconds(TimeSpan span) =>
        Math.Max(1L, (long)Math.Ceiling(span.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
}
