using System.Buffers;
using System.Buffers.Text;

namespace Heimnetz.Caching;

/// <summary>
/// How an entry's bytes look in Redis: one string, <c>hn2|&lt;sliding ms&gt;|&lt;absolute Unix ms&gt;|&lt;written Unix µs&gt;|</c>
/// followed by the data, either expiry empty when the entry has none. One string, not a hash, so that a write is one atomic
/// <c>SET … PX</c> and a read one <c>GET</c>: the same commands, and the same cost on the server, as a plain string cache.
/// The write time lets a write-back keep a newer entry (<see cref="RedisEntryStore.ReplayAsync"/>); a removal leaves a
/// tombstone, <c>hnt|&lt;written Unix µs&gt;|</c>, which reads as a miss. Entries of the first version (<c>hn1|</c>, no
/// write time) are still read, and count as older than any write.
/// </summary>
internal static class RedisEntryFormat
{
    /// <summary>The longest header: the prefix, three 19-digit numbers and four separators; scripts read no more than this.</summary>
    public const int MaxHeaderBytes = 72;

    private const byte Separator = (byte)'|';

    private static ReadOnlySpan<byte> Prefix => "hn2|"u8;

    private static ReadOnlySpan<byte> FirstVersionPrefix => "hn1|"u8;

    private static ReadOnlySpan<byte> TombstonePrefix => "hnt|"u8;

    /// <summary>The header and the data in one pooled buffer, ready to be sent as one value; see <see cref="EncodedEntry"/> for when to give it back.</summary>
    public static EncodedEntry Encode(ReadOnlySpan<byte> data, TimeSpan? sliding, DateTimeOffset? absolute, long writtenMicroseconds)
    {
        Span<byte> header = stackalloc byte[MaxHeaderBytes];
        Prefix.CopyTo(header);
        var length = Prefix.Length;
        length += WriteNumber(header[length..], sliding is { } s ? Milliseconds(s) : null);
        length += WriteNumber(header[length..], absolute?.ToUnixTimeMilliseconds());
        length += WriteNumber(header[length..], writtenMicroseconds);

        // Pooled: a fresh array per write would put the payload's size on the GC for every SET.
        var buffer = ArrayPool<byte>.Shared.Rent(length + data.Length);
        header[..length].CopyTo(buffer);
        data.CopyTo(buffer.AsSpan(length));
        return new EncodedEntry(buffer, length + data.Length);
    }

    /// <summary>
    /// Splits a stored value into its header and data; false for a value this cache did not write (another program's key,
    /// or a garbled one), which a read then treats as a miss instead of handing foreign bytes to the caller.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> value, out RedisEntryHeader header)
    {
        header = default;
        var current = value.StartsWith(Prefix);
        if (!current && !value.StartsWith(FirstVersionPrefix))
        {
            return false;
        }

        var offset = Prefix.Length;
        long? written = null;
        if (!TryReadNumber(value, ref offset, out var sliding) || !TryReadNumber(value, ref offset, out var absolute)
            || (current && (!TryReadNumber(value, ref offset, out written) || written is null)))
        {
            return false;
        }

        header = new RedisEntryHeader(offset, sliding, absolute, written);
        return true;
    }

    /// <summary>What a removal leaves behind: the time it was made, so a write-back of an older outage write cannot bring the key back.</summary>
    public static byte[] EncodeTombstone(long writtenMicroseconds)
    {
        Span<byte> tombstone = stackalloc byte[MaxHeaderBytes];
        TombstonePrefix.CopyTo(tombstone);
        var length = TombstonePrefix.Length + WriteNumber(tombstone[TombstonePrefix.Length..], writtenMicroseconds);
        return tombstone[..length].ToArray();
    }

    /// <summary>A time span in whole milliseconds, rounded up and never 0: PEXPIRE 0 deletes, and an entry with 0.4 ms left is still alive.</summary>
    public static long Milliseconds(TimeSpan span) => Math.Max(1L, (long)Math.Ceiling(span.TotalMilliseconds));

    private static int WriteNumber(Span<byte> destination, long? number)
    {
        var written = 0;
        if (number is { } n && !Utf8Formatter.TryFormat(n, destination, out written))
        {
            // Cannot happen: MaxHeaderBytes has room for three 64-bit numbers.
            throw new InvalidOperationException("The entry header has no room for " + n + ".");
        }

        destination[written] = Separator;
        return written + 1;
    }

    private static bool TryReadNumber(ReadOnlySpan<byte> value, ref int offset, out long? number)
    {
        number = null;
        var end = value[offset..].IndexOf(Separator);
        if (end < 0 || end > 19)
        {
            return false;
        }

        var digits = value.Slice(offset, end);
        if (!digits.IsEmpty)
        {
            if (!Utf8Parser.TryParse(digits, out long parsed, out var consumed) || consumed != digits.Length || parsed < 0)
            {
                return false;
            }

            number = parsed;
        }

        offset += end + 1;
        return true;
    }
}
