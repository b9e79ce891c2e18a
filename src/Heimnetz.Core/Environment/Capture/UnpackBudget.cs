namespace Heimnetz.EnvironmentDetection.Capture;

/// <summary>
/// A read-only stream that fails once more than a set number of bytes came through it, so a small archive that
/// unpacks to gigabytes is stopped at the limit instead of being read to the end.
/// </summary>
internal sealed class UnpackBudget(Stream inner, long maxBytes) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _read += read;
        if (_read > maxBytes)
        {
            throw new InvalidDataException($"it unpacks to more than {maxBytes} bytes, the most a capture may hold");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
