using System.Globalization;
using System.Text;

namespace Heimnetz.Discovery.Resp;

/// <summary>
/// A strict, bounded RESP2 reader over a stream: every line, bulk string, array, nesting depth and the total number of
/// bytes is capped by <see cref="RespLimits"/>, and anything malformed throws <see cref="RespProtocolException"/>.
/// It keeps the first bytes the peer sent so a report can say what a non-Redis peer answered.
/// </summary>
internal sealed class RespReader
{
    private const int PreviewLength = 80;

    private readonly Stream stream;
    private readonly RespLimits limits;
    private readonly byte[] buffer = new byte[4096];
    private readonly byte[] preview = new byte[PreviewLength];
    private int position;
    private int filled;
    private long totalBytes;
    private int previewLength;

    public RespReader(Stream stream, RespLimits limits)
    {
        this.stream = stream;
        this.limits = limits;
    }

    /// <summary>How many bytes the peer has sent so far.</summary>
    public long BytesReceived => totalBytes;

    /// <summary>The first line the peer sent, printable and truncated, e.g. <c>HTTP/1.1 400 Bad Request</c>.</summary>
    public string FirstLine => DetailText.FirstLine(preview.AsSpan(0, previewLength));

    public ValueTask<RespValue> ReadAsync(CancellationToken cancellationToken) => ReadValueAsync(0, cancellationToken);

    private async ValueTask<RespValue> ReadValueAsync(int depth, CancellationToken cancellationToken)
    {
        if (depth > limits.MaxDepth)
        {
            throw new RespProtocolException($"arrays nested deeper than {limits.MaxDepth}");
        }

        var type = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
        switch (type)
        {
            case (byte)'+':
                return new RespValue(RespKind.SimpleString, Decode(await ReadLineAsync(cancellationToken).ConfigureAwait(false)));
            case (byte)'-':
                return new RespValue(RespKind.Error, Decode(await ReadLineAsync(cancellationToken).ConfigureAwait(false)));
            case (byte)':':
                return new RespValue(RespKind.Integer, Integer: ParseInteger(await ReadLineAsync(cancellationToken).ConfigureAwait(false)));
            case (byte)'$':
                return await ReadBulkAsync(cancellationToken).ConfigureAwait(false);
            case (byte)'*':
                return await ReadArrayAsync(depth, cancellationToken).ConfigureAwait(false);
            default:
                throw new RespProtocolException(string.Create(CultureInfo.InvariantCulture, $"unexpected type byte 0x{type:X2}"));
        }
    }

    private async ValueTask<RespValue> ReadBulkAsync(CancellationToken cancellationToken)
    {
        var length = ParseInteger(await ReadLineAsync(cancellationToken).ConfigureAwait(false));
        if (length == -1)
        {
            return RespValue.Null;
        }

        if (length < -1 || length > limits.MaxBulkLength)
        {
            throw new RespProtocolException(string.Create(CultureInfo.InvariantCulture, $"bulk length {length} outside 0..{limits.MaxBulkLength}"));
        }

        var content = new byte[length];
        for (var index = 0; index < content.Length; index++)
        {
            content[index] = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (await ReadByteAsync(cancellationToken).ConfigureAwait(false) != '\r' || await ReadByteAsync(cancellationToken).ConfigureAwait(false) != '\n')
        {
            throw new RespProtocolException("bulk string not terminated by CRLF");
        }

        return new RespValue(RespKind.BulkString, Decode(content));
    }

    private async ValueTask<RespValue> ReadArrayAsync(int depth, CancellationToken cancellationToken)
    {
        var count = ParseInteger(await ReadLineAsync(cancellationToken).ConfigureAwait(false));
        if (count == -1)
        {
            return RespValue.Null;
        }

        if (count < -1 || count > limits.MaxArrayLength)
        {
            throw new RespProtocolException(string.Create(CultureInfo.InvariantCulture, $"array length {count} outside 0..{limits.MaxArrayLength}"));
        }

        var items = new RespValue[count];
        for (var index = 0; index < items.Length; index++)
        {
            items[index] = await ReadValueAsync(depth + 1, cancellationToken).ConfigureAwait(false);
        }

        return new RespValue(RespKind.Array, Items: items);
    }

    private async ValueTask<byte[]> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            var next = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
            if (next == '\r')
            {
                if (await ReadByteAsync(cancellationToken).ConfigureAwait(false) != '\n')
                {
                    throw new RespProtocolException("CR not followed by LF");
                }

                return [.. line];
            }

            if (next == '\n')
            {
                throw new RespProtocolException("bare LF in a line");
            }

            if (line.Count == limits.MaxLineLength)
            {
                throw new RespProtocolException(string.Create(CultureInfo.InvariantCulture, $"line longer than {limits.MaxLineLength} bytes"));
            }

            line.Add(next);
        }
    }

    private async ValueTask<byte> ReadByteAsync(CancellationToken cancellationToken)
    {
        if (position == filled)
        {
            var room = (int)Math.Min(buffer.Length, limits.MaxTotalBytes - totalBytes);
            if (room <= 0)
            {
                throw new RespProtocolException(string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxTotalBytes} bytes without a complete reply"));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(0, room), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new RespProtocolException(totalBytes == 0 ? "closed the connection without replying" : "closed the connection mid-reply", isEndOfStream: true);
            }

            var copy = Math.Min(read, PreviewLength - previewLength);
            buffer.AsSpan(0, copy).CopyTo(preview.AsSpan(previewLength));
            previewLength += copy;
            totalBytes += read;
            position = 0;
            filled = read;
        }

        return buffer[position++];
    }

    private static long ParseInteger(byte[] line)
    {
        // Strict: an optional minus and 1..18 digits, nothing else (no plus, spaces or exponent), so it always fits a long.
        var digits = line.AsSpan(line.Length > 0 && line[0] == '-' ? 1 : 0);
        if (digits.Length is 0 or > 18 || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            // The line itself is not quoted: after AUTH it could hold an echo of what we sent.
            throw new RespProtocolException(string.Create(CultureInfo.InvariantCulture, $"a {line.Length}-byte line where a RESP integer belongs"));
        }

        return long.Parse(Encoding.ASCII.GetString(line), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
