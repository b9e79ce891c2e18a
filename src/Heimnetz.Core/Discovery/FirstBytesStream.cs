namespace Heimnetz.Discovery;

/// <summary>
/// Passes reads and writes through and keeps the first bytes the peer sent, so a failed TLS handshake can say what
/// answered instead (a plain-text Redis error, an HTTP server) rather than only "corrupted frame".
/// </summary>
internal sealed class FirstBytesStream : Stream
{
    private const int Capacity = 64;
    private readonly Stream inner;
    private readonly byte[] first = new byte[Capacity];
    private int length;

    public FirstBytesStream(Stream inner) => this.inner = inner;

    /// <summary>The first bytes received, at most 64.</summary>
    public ReadOnlySpan<byte> First => first.AsSpan(0, length);

    /// <summary>True when the peer sent something and it does not start like a TLS record (handshake 0x16 or alert 0x15, version 3.x).</summary>
    public bool PeerSpokePlainText => length > 0 && !(first[0] is 0x15 or 0x16 && (length < 2 || first[1] == 0x03));

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Keep(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Keep(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Keep(ReadOnlySpan<byte> received)
    {
        var take = Math.Min(received.Length, Capacity - length);
        received[..take].CopyTo(first.AsSpan(length));
        length += take;
        return received.Length;
    }
}
