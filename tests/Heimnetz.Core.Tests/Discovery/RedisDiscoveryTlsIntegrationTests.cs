using System.Globalization;
using System.Text.RegularExpressions;
using Heimnetz.Discovery;
using Heimnetz.Discovery.Resp;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Tests.Support;
using static Heimnetz.Tests.Discovery.DiscoveryTestSupport;

namespace Heimnetz.Tests.Discovery;

/// <summary>
/// rediss:// against a real TLS-only redis-server on loopback whose certificate comes from a throwaway CA: trusted
/// through the CA file, rejected without it, and plain text and TLS mixed up in both directions.
/// </summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed partial class RedisDiscoveryTlsIntegrationTests : ThrowawayTlsFixture
{
    private const string Password = "tls-c0rrect-h0rse";

    // Small enough that a hang shows up as a failure, big enough for a TLS handshake on a busy 2-core machine.
    private static readonly DiscoveryTimeouts Short = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));

    [Test]
    public async Task DiscoverAsync_RedissWithCaFromEnvironment_ChosenWithIdentity()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server);

        var report = await DiscoverConfiguredAsync(server.Port, ("REDIS_URL", $"rediss://127.0.0.1:{server.Port}"), ("HEIMNETZ_REDIS_TLS_CA", Tls.CaFile));

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Candidate.UseTls, Is.True);
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.Ready), result.Detail);
            Assert.That(result.Server?.Product, Is.EqualTo("redis"));
            Assert.That(result.Server?.Version, Does.Match(@"^\d+\.\d+\.\d+$"));
            Assert.That(result.Detail, Does.StartWith("PONG; redis "));
            Assert.That(report.Chosen, Is.SameAs(result));
        });
    }

    [Test]
    public async Task DiscoverAsync_SslConnectionStringWithCaFromConfigurationKey_Chosen()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server);

        var report = await DiscoverConfiguredAsync(
            server.Port,
            ("HEIMNETZ_REDIS_CONNECTION", $"localhost:{server.Port},ssl=true"),
            ("Heimnetz:Redis:TlsCaFile", Tls.CaFile));

        Assert.That(report.Chosen?.Outcome, Is.EqualTo(ProbeOutcome.Ready), report.Candidates.Single().Detail);
    }

    [Test]
    public async Task DiscoverAsync_RedissWithoutCa_RejectedAsUntrustedWithFix()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server);

        var report = await DiscoverConfiguredAsync(server.Port, ("REDIS_URL", $"rediss://127.0.0.1:{server.Port}"));

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.Unreachable));
            Assert.That(result.Detail, Does.StartWith("TLS: the server's certificate is not trusted ("));
            Assert.That(result.Detail, Does.Contain("set HEIMNETZ_REDIS_TLS_CA to its PEM file"));
            Assert.That(result.Detail, Does.Not.EndWith("..."), "the fix must not be cut off");
            Assert.That(report.Chosen, Is.Null);
        });
    }

    [Test]
    public async Task DiscoverAsync_RedissWithAnotherCa_RejectedAsNotSignedByIt()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server);

        var report = await DiscoverConfiguredAsync(server.Port, ("REDIS_URL", $"rediss://127.0.0.1:{server.Port}"), ("HEIMNETZ_REDIS_TLS_CA", Tls.OtherCaFile));

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.Unreachable));
            Assert.That(result.Detail, Does.StartWith("TLS: the server's certificate does not chain to the CA file ("));
            Assert.That(report.Chosen, Is.Null);
        });
    }

    [Test]
    public async Task DiscoverAsync_PlainRedisUrlAgainstTlsPort_FailsClearlyWithinBudget()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server);

        var report = await DiscoverConfiguredAsync(server.Port, ("REDIS_URL", $"redis://127.0.0.1:{server.Port}"));

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.AnyOf(ProbeOutcome.Unreachable, ProbeOutcome.NotRedis));
            Assert.That(result.Detail, Does.Contain("a TLS-only port does this: use rediss://"));
            Assert.That(result.Finished, Is.True, "the server drops the connection; the probe must not wait for the budget");
            Assert.That(report.Elapsed, Is.LessThan(Short.Budget + TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public async Task DiscoverAsync_RedissAgainstPlainServer_ClearTlsHandshakeFailureWithinBudget()
    {
        await using var server = await RedisServerProcess.StartAsync();

        var report = await DiscoverConfiguredAsync(server.Port, ("REDIS_URL", $"rediss://127.0.0.1:{server.Port}"), ("HEIMNETZ_REDIS_TLS_CA", Tls.CaFile));

        // A plain Redis reads the ClientHello as an inline command: it waits for a newline (timeout), answers an
        // error in plain text, or closes, depending on the random bytes in the hello. Each must say "not TLS".
        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.AnyOf(ProbeOutcome.Timeout, ProbeOutcome.Unreachable));
            Assert.That(result.Detail, Does.StartWith("TLS: "));
            Assert.That(result.Detail, Does.Contain("use redis:// (not rediss://) for a plain port"));
            Assert.That(report.Chosen, Is.Null);
            Assert.That(report.Elapsed, Is.LessThan(Short.Budget + TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public async Task DiscoverAsync_PasswordOverTls_SentOnlyAfterATrustedHandshake()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server, "--requirepass", Password);
        var url = ("REDIS_URL", $"rediss://:{Password}@127.0.0.1:{server.Port}");

        // Given an untrusted certificate, the probe must stop before AUTH: the server counts no AUTH but ours.
        var untrusted = await DiscoverConfiguredAsync(server.Port, url);
        var authCallsAfterUntrusted = await AuthCallsAsync(server.Port);

        var trusted = await DiscoverConfiguredAsync(server.Port, url, ("HEIMNETZ_REDIS_TLS_CA", Tls.CaFile));
        var authCallsAfterTrusted = await AuthCallsAsync(server.Port);

        Assert.Multiple(() =>
        {
            Assert.That(untrusted.Candidates.Single().Detail, Does.Contain("not trusted"));
            Assert.That(authCallsAfterUntrusted, Is.EqualTo(1), "only this test's own AUTH reached the server");
            Assert.That(trusted.Chosen?.Outcome, Is.EqualTo(ProbeOutcome.Ready));
            Assert.That(trusted.Chosen?.Detail, Does.StartWith("authenticated; redis "));
            Assert.That(authCallsAfterTrusted, Is.EqualTo(3), "the trusted probe authenticated once, between our two");
            Assert.That(AsJson(untrusted) + AsJson(trusted), Does.Not.Contain(Password));
        });
    }

    [Test]
    public async Task DiscoverAsync_WrongPasswordOverTls_AuthFailedWithoutEcho()
    {
        await using var server = await RedisServerProcess.StartTlsAsync(Tls.Server, "--requirepass", Password);

        var report = await DiscoverConfiguredAsync(server.Port, ("REDIS_URL", $"rediss://:not-{Password}@127.0.0.1:{server.Port}"), ("HEIMNETZ_REDIS_TLS_CA", Tls.CaFile));

        var result = report.Candidates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProbeOutcome.AuthFailed));
            Assert.That(AsJson(report), Does.Not.Contain(Password));
        });
    }

    [GeneratedRegex(@"cmdstat_auth:calls=(?<calls>\d+)")]
    private static partial Regex AuthCalls();

    private async Task<int> AuthCallsAsync(int port)
    {
        var info = await TlsRespClient.SendAsync(port, Tls.ServerThumbprint, Password, ["INFO", "commandstats"]);
        Assert.That(info.Kind, Is.EqualTo(RespKind.BulkString), info.Text);
        var match = AuthCalls().Match(info.Text ?? string.Empty);
        return match.Success ? int.Parse(match.Groups["calls"].Value, CultureInfo.InvariantCulture) : 0;
    }

    private static Task<DiscoveryReport> DiscoverConfiguredAsync(int port, params (string Key, string? Value)[] values)
    {
        // The replacement list names the same endpoint, so the catalog adds no other (default) candidate to probe.
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(
            [.. values, ("HEIMNETZ_REDIS_CANDIDATES", $"127.0.0.1:{port},localhost:{port}")]));
        return DiscoverAsync(CandidateCatalog.Build(CatalogContext.Host, configuration).Take(1).ToArray(), DiscoveryMode.Complete, Short);
    }
}
