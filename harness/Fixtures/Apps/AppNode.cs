using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Testing;

/// <summary>Someone's app in a topology: their image or builder, wired and labelled like every harness node.</summary>
public sealed class AppNode : TopologyNode
{
    private AppNode(string role, IContainer container, AppUnderTest app)
        : base(role, container)
    {
        App = app;
    }

    public AppUnderTest App { get; }

    internal static AppNode Create(AppUnderTest app, AppPlacement placement)
    {
        var image = app.Describe();
        var builder = (app.Builder ?? new ContainerBuilder(app.Image!))
            .Wire(cached => cached is null ? throw new ImageNotBuiltException(image, "build it (docker build -t <name> .) or load it (docker load) onto this engine first.") : false, placement.Attachment)
            // The situation's settings first (e.g. a stale password), the app's own on top: the user has the last word.
            .WithEnvironment(placement.Environment.Concat(app.Environment).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value));
        if (placement.HostGatewayAlias)
        {
            builder = builder.WithExtraHost("host.docker.internal", "host-gateway");
        }

        return new AppNode("app", builder.Build(), app);
    }
}
