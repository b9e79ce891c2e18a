using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Heimnetz.Harness.Fixtures.LocalRedis;

namespace Heimnetz.Tests.Support;

/// <summary>
/// A CA and a server certificate for 127.0.0.1, ::1 and localhost, made for one test fixture in a temporary directory
/// and deleted with it: nothing is committed and the machine's trust store is never touched. A second, unrelated CA
/// is there to show that trusting the wrong CA does not help.
/// </summary>
internal sealed class ThrowawayTls : IDisposable
{
    private ThrowawayTls(string directory, RedisTlsFiles server, string otherCaFile, string serverThumbprint)
    {
        Directory = directory;
        Server = server;
        OtherCaFile = otherCaFile;
        ServerThumbprint = serverThumbprint;
    }

    public string Directory { get; }

    /// <summary>The files redis-server needs; <see cref="RedisTlsFiles.CaFile"/> is the CA a client should trust.</summary>
    public RedisTlsFiles Server { get; }

    public string CaFile => Server.CaFile;

    /// <summary>A CA that signed nothing the server has.</summary>
    public string OtherCaFile { get; }

    /// <summary>SHA-1 thumbprint of the server certificate, for a test client that pins it.</summary>
    public string ServerThumbprint { get; }

    public static ThrowawayTls Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "heimnetz-tls-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var now = TimeProvider.System.GetUtcNow();
        var (notBefore, notAfter) = (now.AddMinutes(-5), now.AddDays(1));

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = CreateCa("CN=Heimnetz throwaway test CA", caKey, notBefore, notAfter);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = CreateCa("CN=Heimnetz unrelated test CA", otherKey, notBefore, notAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var server = request.Create(ca, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));

        var files = new RedisTlsFiles(Path.Combine(directory, "server.crt"), Path.Combine(directory, "server.key"), Path.Combine(directory, "ca.crt"));
        File.WriteAllText(files.CertificateFile, server.ExportCertificatePem());
        File.WriteAllText(files.KeyFile, serverKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(files.CaFile, ca.ExportCertificatePem());
        var otherCaFile = Path.Combine(directory, "other-ca.crt");
        File.WriteAllText(otherCaFile, other.ExportCertificatePem());
        return new ThrowawayTls(directory, files, otherCaFile, server.Thumbprint);
    }

    /// <summary>Writes <paramref name="text"/> to a file in the directory, for configuration error tests.</summary>
    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static X509Certificate2 CreateCa(string subject, ECDsa key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }
}
