namespace Heimnetz.Discovery.Resp;

/// <summary>One RESP2 reply: text for simple strings, errors and bulk strings; a number for integers; items for arrays.</summary>
internal sealed record RespValue(RespKind Kind, string? Text = null, long Integer = 0, IReadOnlyList<RespValue>? Items = null)
{
    public static RespValue Null { get; } = new(RespKind.Null);

    /// <summary>The first word of an error reply (its code, e.g. NOAUTH), or empty.</summary>
    public string ErrorCode => Kind == RespKind.Error && Text is not null
        ? Text.Split(' ', 2)[0]
        : string.Empty;
}
