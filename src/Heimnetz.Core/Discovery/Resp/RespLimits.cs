namespace Heimnetz.Discovery.Resp;

/// <summary>
/// Bounds on what the reader accepts, so a hostile or broken peer cannot make us allocate, recurse or wait without end.
/// The defaults fit a handshake: an <c>INFO server</c> reply is about 1.5 KB.
/// </summary>
internal sealed record RespLimits(int MaxLineLength, int MaxBulkLength, int MaxArrayLength, int MaxDepth, long MaxTotalBytes)
{
    public static RespLimits Handshake { get; } = new(MaxLineLength: 4096, MaxBulkLength: 64 * 1024, MaxArrayLength: 64, MaxDepth: 4, MaxTotalBytes: 256 * 1024);
}
