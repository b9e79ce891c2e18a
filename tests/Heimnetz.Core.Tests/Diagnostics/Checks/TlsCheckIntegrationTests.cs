using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Checks;
using Heimnetz.Discovery;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Discovery;
using Heimnetz.Tests.Support;
using static Heimnetz.Tests.Diagnostics.DoctorContexts;

namespace Heimnetz.Tests.Diagnostics.Checks;

/// <summary>What doctor says about a real failed TLS handshake: the finding names the problem and the setting that fixes it.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class TlsCheckIntegrationTests : ThrowawayTlsFixture
{
    [Test]
    public async Task Run_UntrustedCertificate_ErrorNamingTheCaSettingAndMemoryModeSaysTls()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server);
        var context = await ProbeAsync($"rediss://127.0.0.1:{server.Port}");

        var finding = Run(new TlsCheck(), context).Single();
        var memory = Run(new CacheModeCheck(), context).Single();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Code, finding.Severity), Is.EqualTo((FindingCodes.TlsFailed, FindingSeverity.Error)));
            Assert.That(finding.Title, Is.EqualTo($"The TLS certificate of 127.0.0.1:{server.Port} is not trusted"));
            Assert.That(finding.Observed, Has.Some.Contains("not trusted").And.Some.EqualTo("trusted CAs: the machine's trust store"));
            Assert.That(finding.Remedy, Does.Contain("HEIMNETZ_REDIS_TLS_CA=/path/to/ca.pem").And.Contain("Heimnetz:Redis:TlsCaFile").And.Contain("trust store stays as it is"));
            Assert.That(memory.Title, Does.Contain("TLS handshake with Redis failed"));
        });
    }

    [Test]
    public async Task Run_PlainUrlAgainstTlsPort_SuggestsRediss()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server);
        var context = await ProbeAsync($"redis://127.0.0.1:{server.Port}");

        var findings = Run(new TlsCheck(), context).Concat(Run(new UnresponsivePeerCheck(), context)).Concat(Run(new PortOwnerCheck(), context)).ToList();

        Assert.That(findings.Select(finding => finding.Remedy), Has.Some.Contains($"rediss://127.0.0.1:{server.Port}").Or.Some.Contains("use rediss://"));
    }

    private static async Task<DoctorContext> ProbeAsync(string url)
    {
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(("REDIS_URL", url), ("HEIMNETZ_REDIS_CANDIDATES", "127.0.0.1:1")));
        var candidates = CandidateCatalog.Build(CatalogContext.Host, configuration).Take(1).ToArray();
        var report = await new RedisDiscovery(configuration.Timeouts).DiscoverAsync(candidates);
        return Live(Host, report, configuration: configuration);
    }
}
