using System.Buffers;

namespace Heimnetz.Caching;

/// <summary>
/// An entry encoded for Redis in a buffer rented from the shared pool. Give it back only once Redis has answered the write
/// (StackExchange.Redis has copied the bytes out by then); a write that failed or timed out may still be queued, so its
/// buffer is left to the garbage collector instead.
/// </summary>
internal readonly struct EncodedEntry(byte[] buffer, int length)
{
    public ReadOnlyMemory<byte> Value => buffer.AsMemory(0, length);

    public void Return() => ArrayPool<byte>.Shared.Return(buffer);
}
