using System.Globalization;

namespace Heimnetz.Harness.Fixtures.LocalRedis;

/// <summary>PEM files for a TLS-only redis-server: its certificate, its private key and the CA that signed the certificate.</summary>
public sealed record RedisTlsFiles(string CertificateFile, string KeyFile, string CaFile)
{
    /// <summary>Arguments that close the plain port and serve TLS on <paramref name="port"/>, without client certificates.</summary>
    public IReadOnlyList<string> ServerArguments(int port) =>
    [
        "--port", "0",
        "--tls-port", port.ToString(CultureInfo.InvariantCulture),
        "--tls-cert-file", CertificateFile,
        "--tls-key-file", KeyFile,
        "--tls-ca-cert-file", CaFile,
        "--tls-auth-clients", "no",
    ];
}
