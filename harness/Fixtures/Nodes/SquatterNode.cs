using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>A non-Redis TCP service on a port Redis would use, made with socat in the probe-base image.</summary>
public sealed class SquatterNode : TopologyNode
{
    private SquatterNode(string role, IContainer container, SquatterKind kind)
        : base(role, container)
    {
        Kind = kind;
    }

    public SquatterKind Kind { get; }

    internal static SquatterNode Create(string role, SquatterKind kind, Attachment attachment, int port, int? hostPort)
    {
        var reply = kind switch
        {
            SquatterKind.HttpResponder => "SYSTEM:'printf \"HTTP/1.1 400 Bad Request\\r\\nContent-Length: 0\\r\\n\\r\\n\"'",
            SquatterKind.Silent => "SYSTEM:'sleep 3600'",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown squatter kind."),
        };
        var builder = new ContainerBuilder(LogicalImage.ProbeBase.Reference)
            .Wire(LogicalImage.ProbeBase, attachment)
            .WithCommand("sh", "-c", $"exec socat TCP-LISTEN:{port},fork,reuseaddr {reply}")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilInternalTcpPortIsAvailable(port));
        if (hostPort is { } published)
        {
            builder = builder.WithPortBinding(published, port);
        }

        return new SquatterNode(role, builder.Build(), kind);
    }
}
