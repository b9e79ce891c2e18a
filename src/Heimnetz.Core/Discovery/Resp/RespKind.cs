namespace Heimnetz.Discovery.Resp;

/// <summary>The RESP2 reply types the handshake needs.</summary>
internal enum RespKind
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
    Null,
}
