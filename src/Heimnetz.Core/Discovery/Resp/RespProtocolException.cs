namespace Heimnetz.Discovery.Resp;

/// <summary>The peer sent something that is not a well-formed, bounded RESP2 reply, or closed the connection mid-reply.</summary>
public sealed class RespProtocolException : Exception
{
    /// <summary>Creates the exception for a protocol violation.</summary>
    public RespProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a protocol violation, saying whether the peer simply closed the connection.</summary>
    public RespProtocolException(string message, bool isEndOfStream)
        : base(message)
    {
        IsEndOfStream = isEndOfStream;
    }

    /// <summary>Creates the exception with its cause.</summary>
    public RespProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public RespProtocolException()
        : base("The peer did not speak RESP.")
    {
    }

    /// <summary>Whether the peer closed the connection before a reply was complete.</summary>
    public bool IsEndOfStream { get; }
}
