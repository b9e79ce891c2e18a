using Heimnetz.Configuration;
using Heimnetz.Discovery;
using Heimnetz.Tests.Support;
using static Heimnetz.Tests.Discovery.DiscoveryConfigurationUnitTests;

namespace Heimnetz.Tests.Discovery;

/// <summary>The TLS CA file setting: read from either key, handed to every candidate, and bad files reported clearly.</summary>
[TestFixture]
public sealed class DiscoveryConfigurationTlsUnitTests
{
    private ThrowawayTls tls = null!;

    [OneTimeSetUp]
    public void CreateCertificates() => tls = ThrowawayTls.Create();

    [OneTimeTearDown]
    public void DeleteCertificates() => tls.Dispose();

    [Test]
    public void From_NoCaFile_TrustsTheMachineStore()
    {
        Assert.That(DiscoveryConfiguration.From(Config(("REDIS_URL", "rediss://cache.invalid:6380"))).TlsTrust, Is.Null);
    }

    [Test]
    public void From_CaFileFromEnvironmentAndKey_EnvironmentWinsAndEveryCandidateGetsIt()
    {
        var configuration = DiscoveryConfiguration.From(Config(
            ("REDIS_URL", "rediss://cache.invalid:6380"),
            ("HEIMNETZ_REDIS_TLS_CA", tls.CaFile),
            ("Heimnetz:Redis:TlsCaFile", tls.OtherCaFile)));

        var candidates = CandidateCatalog.Build(CatalogContext.Host, configuration);

        Assert.Multiple(() =>
        {
            Assert.That(configuration.TlsTrust?.CaFile, Is.EqualTo(tls.CaFile));
            Assert.That(candidates, Is.Not.Empty);
            Assert.That(candidates.Select(candidate => candidate.TlsTrust), Is.All.SameAs(configuration.TlsTrust));
            Assert.That(configuration.ToString(), Does.Contain(tls.CaFile));
        });
    }

    [Test]
    public void From_MissingCaFile_ErrorNamesKeyPathAndExpectation()
    {
        var missing = Path.Combine(tls.Directory, "missing.pem");

        var error = Assert.Throws<HeimnetzConfigurationException>(() => DiscoveryConfiguration.From(Config(("HEIMNETZ_REDIS_TLS_CA", missing))));

        Assert.That(error!.Problems, Is.EqualTo(new[]
        {
            $"HEIMNETZ_REDIS_TLS_CA: CA file '{missing}' does not exist; expected a readable PEM file with the CA certificate(s) (-----BEGIN CERTIFICATE-----)",
        }));
    }

    [Test]
    public void From_GarbledCertificateBlock_ErrorSaysItDoesNotDecode()
    {
        var garbled = tls.WriteFile("garbled.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        var error = Assert.Throws<HeimnetzConfigurationException>(() => DiscoveryConfiguration.From(Config(("Heimnetz:Redis:TlsCaFile", garbled))));

        Assert.That(error!.Message, Does.StartWith($"Heimnetz:Redis:TlsCaFile: CA file '{garbled}' holds a certificate block that does not decode"));
    }

    [TestCase("key-only.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")]
    [TestCase("text.pem", "just some text\n")]
    [TestCase("empty.pem", "")]
    public void From_FileWithoutCertificate_ErrorSaysNoPemCertificate(string name, string content)
    {
        var path = tls.WriteFile(name, content);

        var error = Assert.Throws<HeimnetzConfigurationException>(() => DiscoveryConfiguration.From(Config(("HEIMNETZ_REDIS_TLS_CA", path))));

        Assert.That(error!.Message, Does.Contain($"CA file '{path}' holds no PEM certificate"));
    }

    [Test]
    public void From_DirectoryInsteadOfFile_ReportedWithOtherProblems()
    {
        var error = Assert.Throws<HeimnetzConfigurationException>(() => DiscoveryConfiguration.From(Config(
            ("HEIMNETZ_REDIS_TLS_CA", tls.Directory),
            ("Heimnetz:Redis:Budget", "soon"))));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Problems, Has.Count.EqualTo(2));
            Assert.That(error.Problems, Has.One.StartsWith($"HEIMNETZ_REDIS_TLS_CA: CA file '{tls.Directory}' cannot be read"));
        });
    }
}
