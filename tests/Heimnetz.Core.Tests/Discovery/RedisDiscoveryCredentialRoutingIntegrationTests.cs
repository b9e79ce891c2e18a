using Heimnetz.Discovery;
using Heimnetz.Tests.Support;
using static Heimnetz.Tests.Discovery.DiscoveryTestSupport;

namespace Heimnetz.Tests.Discovery;

/// <summary>
/// A credential goes only where the user sent it. The catalog decides who gets which credentials for each kind of
/// candidate; every candidate is then moved onto a credential-capturing impostor on loopback (it answers -NOAUTH, as
/// any listener can), and what each impostor received over real TCP is what the test checks.
/// </summary>
[TestFixture]
public sealed class RedisDiscoveryCredentialRoutingIntegrationTests
{
    private const string Shared = "f4llback-Pa55-9137";
    private const string Own = "0wn-url-Pa55-4471";

    private static readonly CatalogContext Bridge = new(
        IsContainer: true,
        DefaultGateway: "172.18.0.1",
        HostAliases: new Dictionary<string, string> { ["host.docker.internal"] = "172.17.0.1" },
        ContainerKind: "docker");

    [Test]
    public async Task NothingConfigured_FallbackPasswordReachesServiceNamesAndLoopbackOnly()
    {
        var received = await ProbeImpostorsAsync(("REDIS_PASSWORD", Shared));

        Assert.Multiple(() =>
        {
            Assert.That(received["redis:6379"], Does.Contain(Shared), "the compose password case must keep working");
            Assert.That(received["redis-dev:6379"], Does.Contain(Shared));
            Assert.That(received["localhost:6379"], Does.Contain(Shared));
            Assert.That(received["host.docker.internal:6379"], Does.Not.Contain(Shared), "a host alias reaches whatever anyone published on the host");
            Assert.That(received["172.18.0.1:6379"], Does.Not.Contain(Shared), "so does the bridge gateway");
        });
    }

    [Test]
    public async Task NothingConfiguredAndHostOptedIn_FallbackPasswordReachesTheHostToo()
    {
        var received = await ProbeImpostorsAsync(("REDIS_PASSWORD", Shared), ("HEIMNETZ_REDIS_PASSWORD_TO_HOST", "true"));

        Assert.Multiple(() =>
        {
            Assert.That(received["host.docker.internal:6379"], Does.Contain(Shared));
            Assert.That(received["172.18.0.1:6379"], Does.Contain(Shared));
        });
    }

    [Test]
    public async Task EndpointConfiguredWithCatalogFallback_NoCatalogCandidateReceivesAnyPassword()
    {
        var received = await ProbeImpostorsAsync(
            ("REDIS_URL", $"redis://:{Own}@configured.internal:6379"),
            ("REDIS_PASSWORD", Shared),
            ("HEIMNETZ_REDIS_CATALOG_FALLBACK", "true"));

        Assert.Multiple(() =>
        {
            Assert.That(received["configured.internal:6379"], Does.Contain(Own).And.Not.Contain(Shared));
            foreach (var catalog in new[] { "redis:6379", "redis-dev:6379", "host.docker.internal:6379", "172.18.0.1:6379", "localhost:6379" })
            {
                Assert.That(received[catalog], Does.Not.Contain(Shared).And.Not.Contain(Own), catalog);
            }
        });
    }

    [Test]
    public async Task UrlWithoutPassword_FallbackPasswordGoesToTheNamedEndpoint()
    {
        var received = await ProbeImpostorsAsync(("REDIS_URL", "redis://configured.internal:6379"), ("REDIS_PASSWORD", Shared));

        Assert.That(received["configured.internal:6379"], Does.Contain(Shared));
    }

    [Test]
    public async Task ConfiguredEndpointIsTls_NoPasswordTravelsInPlainText()
    {
        var received = await ProbeImpostorsAsync(
            ("REDIS_URL", "rediss://configured.internal:6380"),
            ("HEIMNETZ_REDIS_CANDIDATES", "listed.internal:6379"),
            ("REDIS_PASSWORD", Shared),
            ("HEIMNETZ_REDIS_CATALOG_FALLBACK", "true"),
            ("HEIMNETZ_REDIS_PASSWORD_TO_HOST", "true"));

        foreach (var (endpoint, text) in received.Where(pair => pair.Key != "configured.internal:6380"))
        {
            Assert.That(text, Does.Not.Contain(Shared), endpoint);
        }
    }

    /// <summary>Builds the catalog from <paramref name="settings"/>, moves each plain candidate onto its own impostor, probes, and returns what each received.</summary>
    private static async Task<Dictionary<string, string>> ProbeImpostorsAsync(params (string Key, string? Value)[] settings)
    {
        var configuration = DiscoveryConfiguration.From(DiscoveryConfigurationUnitTests.Config(settings));
        var candidates = CandidateCatalog.Build(Bridge, configuration);
        var impostors = new List<(string Name, HostilePeer Peer)>();
        try
        {
            var moved = new List<RedisCandidate>();
            foreach (var candidate in candidates)
            {
                var peer = HostilePeer.Start(HostileBehaviour.NoAuthCapture);
                impostors.Add((candidate.Endpoint.ToString(), peer));
                // A TLS candidate stays TLS: the impostor speaks plain text, so the handshake fails before any AUTH.
                moved.Add(candidate with { Endpoint = peer.Endpoint });
            }

            await DiscoverAsync(moved);
            return impostors.ToDictionary(pair => pair.Name, pair => pair.Peer.ReceivedText);
        }
        finally
        {
            foreach (var (_, peer) in impostors)
            {
                await peer.DisposeAsync();
            }
        }
    }
}
