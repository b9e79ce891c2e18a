using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Heimnetz.Configuration;

namespace Heimnetz.Discovery;

/// <summary>
/// Trust for <c>rediss://</c> servers signed by a private CA: a server certificate is accepted only when it chains to one
/// of the certificates in a PEM file, and its name matches the host we asked for. The machine's trust store is not
/// consulted and not changed. Used by the discovery probe and by the cache's connection alike.
/// </summary>
public sealed class RedisTlsTrust
{
    private readonly X509Certificate2Collection roots;

    private RedisTlsTrust(string caFile, X509Certificate2Collection roots)
    {
        CaFile = caFile;
        this.roots = roots;
    }

    /// <summary>The PEM file the trusted certificates were read from.</summary>
    public string CaFile { get; }

    /// <summary>
    /// Reads the trusted certificates from a PEM file. Throws <see cref="HeimnetzConfigurationException"/> naming
    /// <paramref name="source"/> and the path when the file is missing, unreadable or holds no certificate.
    /// </summary>
    /// <param name="caFile">Path of a PEM file with one or more <c>-----BEGIN CERTIFICATE-----</c> blocks.</param>
    /// <param name="source">Where the path came from, e.g. a configuration key, for the error message.</param>
    public static RedisTlsTrust Load(string caFile, string source)
    {
        var problems = new ConfigurationProblems();
        var trust = TryLoad(caFile, source, problems);
        problems.ThrowIfAny();
        return trust!;
    }

    internal static RedisTlsTrust? TryLoad(string caFile, string source, ConfigurationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(caFile);
        var path = caFile.Trim();
        var shown = DetailText.Sanitize(path, 200);
        const string Expected = "expected a readable PEM file with the CA certificate(s) (-----BEGIN CERTIFICATE-----)";
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            problems.Add(source, $"CA file '{shown}' does not exist; {Expected}");
            return null;
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException or ArgumentException or NotSupportedException)
        {
            problems.Add(source, $"CA file '{shown}' cannot be read ({error.GetType().Name}); {Expected}");
            return null;
        }
        catch (CryptographicException)
        {
            problems.Add(source, $"CA file '{shown}' holds a certificate block that does not decode; {Expected}");
            return null;
        }

        if (roots.Count == 0)
        {
            problems.Add(source, $"CA file '{shown}' holds no PEM certificate; {Expected}");
            return null;
        }

        return new RedisTlsTrust(path, roots);
    }

    /// <summary>
    /// A <see cref="RemoteCertificateValidationCallback"/>: true when the server's certificate chains to this file's
    /// certificates and matches the host name.
    /// </summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors) =>
        Check(certificate, chain, sslPolicyErrors) is null;

    /// <summary>Null when the certificate is trusted; otherwise why not, in a few words.</summary>
    internal string? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
    {
        if (certificate is null || sslPolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the server sent no certificate";
        }

        if (sslPolicyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return "the server's certificate does not name this host";
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);

        // A private CA rarely publishes revocation lists, and a probe must not wait on one.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // Intermediates the server sent may be needed to reach the configured root.
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var loaded = certificate is X509Certificate2 ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (custom.Build(loaded ?? (X509Certificate2)certificate))
        {
            return null;
        }

        var status = custom.ChainStatus.Select(item => item.Status.ToString()).Distinct();
        return $"the server's certificate does not chain to the CA file ({string.Join(", ", status)})";
    }

    /// <summary>Names the CA file; the certificates are public, nothing here is secret.</summary>
    public override string ToString() => $"TLS CA file '{CaFile}'";
}
