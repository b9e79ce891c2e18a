using System.Net.Security;
using System.Net.Sockets;
using Heimnetz.Discovery.Resp;

namespace Heimnetz.Tests.Support;

/// <summary>
/// A bare RESP client over TLS that trusts exactly one server certificate (by thumbprint), independent of the code
/// under test, to look at what a TLS-only server holds.
/// </summary>
internal static class TlsRespClient
{
    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>, optionally AUTHs, sends each command and returns the last reply.</summary>
    public static async Task<RespValue> SendAsync(int port, string serverThumbprint, string? password, params string[][] commands)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, timeout.Token);
        await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = "127.0.0.1",
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && string.Equals(certificate.GetCertHashString(), serverThumbprint, StringComparison.OrdinalIgnoreCase),
            },
            timeout.Token);
        var reader = new RespReader(tls, RespLimits.Handshake);
        var all = password is null ? commands : [["AUTH", password], .. commands];
        var reply = RespValue.Null;
        foreach (var command in all)
        {
            await tls.WriteAsync(RespCommand.Encode(command), timeout.Token);
            reply = await reader.ReadAsync(timeout.Token);
        }

        return reply;
    }
}
