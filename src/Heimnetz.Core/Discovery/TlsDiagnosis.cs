using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Heimnetz.Discovery;

/// <summary>
/// What a failed TLS step of a probe says: an untrusted or misnamed certificate, or a port that speaks the other
/// protocol. Doctor recognises these texts by <see cref="Prefix"/> and <see cref="TlsOnlyPortHint"/>.
/// </summary>
internal static class TlsDiagnosis
{
    /// <summary>How every TLS failure's detail starts, so doctor can tell them from other unreachable peers.</summary>
    public const string Prefix = "TLS: ";

    /// <summary>The hint on a plain connection that a TLS-only port would drop the same way.</summary>
    public const string TlsOnlyPortHint = "a TLS-only port does this";

    /// <summary>The remedy for a rediss:// candidate that reached a plain port.</summary>
    public const string UseRedis = "use redis:// (not rediss://) for a plain port";

    /// <summary>The remedy for a redis:// candidate that reached a TLS-only port.</summary>
    public const string UseRediss = "use rediss:// for it";

    /// <summary>Null when the server's certificate is trusted; otherwise why not and what to do, without secrets.</summary>
    public static string? CertificateProblem(RedisTlsTrust? trust, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (trust is not null)
        {
            return trust.Check(certificate, chain, errors) is { } problem
                ? $"{problem}; check {DiscoveryConfigurationKeys.TlsCaVariable} / {DiscoveryConfigurationKeys.TlsCaFile}"
                : null;
        }

        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return "the server's certificate does not name this host; connect by a name or address it lists";
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var status = chain?.ChainStatus.Select(item => item.Status.ToString()).Distinct() ?? [];
            return $"the server's certificate is not trusted ({string.Join(", ", status)}); for a private CA set {DiscoveryConfigurationKeys.TlsCaVariable} to its PEM file";
        }

        return "the server sent no certificate";
    }

    /// <summary>The detail of a failed TLS handshake: the certificate problem, or what the peer sent instead of TLS.</summary>
    public static string Failure(Exception error, string? certificateProblem, FirstBytesStream transport)
    {
        if (certificateProblem is not null)
        {
            return Prefix + certificateProblem;
        }

        if (transport.PeerSpokePlainText)
        {
            return $"{Prefix}the peer answered '{DetailText.FirstLine(transport.First)}' in plain text, not TLS: {UseRedis}";
        }

        return transport.First.IsEmpty
            ? $"{Prefix}the peer closed the connection during the handshake; a plain (non-TLS) Redis port does this: {UseRedis}"
            : $"{Prefix}handshake failed: {error.Message}";
    }
}
