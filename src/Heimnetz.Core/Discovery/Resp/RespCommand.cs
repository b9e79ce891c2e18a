using System.Globalization;
using System.Text;

namespace Heimnetz.Discovery.Resp;

/// <summary>Encodes a command as a RESP2 array of bulk strings, the form every Redis and Valkey accepts.</summary>
internal static class RespCommand
{
    public static byte[] Encode(params ReadOnlySpan<string> arguments)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"*{arguments.Length}\r\n");
        foreach (var argument in arguments)
        {
            text.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
