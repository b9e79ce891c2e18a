using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Tests.Discovery;

[TestFixture]
public sealed class CatalogContextMapperUnitTests
{
    private static RuntimeEnvironment Environment(ContainerKind container, NetworkMode mode) => new()
    {
        Container = container,
        NetworkMode = mode,
        DefaultGateway = "172.18.0.1",
        HostAliases = ["host.docker.internal=172.17.0.1"],
    };

    [Test]
    public void ToCatalogContext_DockerOnBridge_KeepsGatewayAndAliases()
    {
        var context = Environment(ContainerKind.Docker, NetworkMode.Bridge).ToCatalogContext();

        Assert.Multiple(() =>
        {
            Assert.That(context.IsContainer, Is.True);
            Assert.That(context.DefaultGateway, Is.EqualTo("172.18.0.1"));
            Assert.That(context.HostAliases["host.docker.internal"], Is.EqualTo("172.17.0.1"));
        });
    }

    [TestCase(ContainerKind.Docker, NetworkMode.Host)]
    [TestCase(ContainerKind.None, NetworkMode.Host)]
    [TestCase(ContainerKind.Unknown, NetworkMode.Host)]
    public void ToCatalogContext_HostNetworking_IsPlainHostWithoutGateway(ContainerKind container, NetworkMode mode)
    {
        var context = Environment(container, mode).ToCatalogContext();

        Assert.That(context, Is.SameAs(CatalogContext.Host));
    }

    [Test]
    public void ToCatalogContext_UnprovenContainerOnBridge_ProbesNoGateway()
    {
        // Hints alone (a baked-in /.dockerenv) do not prove the gateway is a Docker host.
        var context = Environment(ContainerKind.Unknown, NetworkMode.Bridge).ToCatalogContext();

        Assert.Multiple(() =>
        {
            Assert.That(context.IsContainer, Is.True);
            Assert.That(context.DefaultGateway, Is.Null);
        });
    }

    [Test]
    public void Build_DockerOnHostNetwork_HasNoComposeNamesAndNoGateway()
    {
        var context = Environment(ContainerKind.Docker, NetworkMode.Host).ToCatalogContext();

        var endpoints = CandidateCatalog.Build(context, DiscoveryConfiguration.Empty).Select(c => c.Endpoint.ToString());

        Assert.That(endpoints, Is.EqualTo(new[] { "localhost:6379", "127.0.0.1:6379", "localhost:6380" }));
    }
}
