using DotNet.Testcontainers.Builders;
using Heimnetz.Harness.Fixtures.Topology;
using Testcontainers.Redis;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>A real Redis or Valkey server in a container, built with Testcontainers.Redis.</summary>
public sealed class RedisNode : TopologyNode
{
    private RedisNode(string role, RedisContainer container, RedisNodeSpec spec)
        : base(role, container)
    {
        Spec = spec;
    }

    public RedisNodeSpec Spec { get; }

    internal static RedisNode Create(string role, RedisNodeSpec spec)
    {
        var builder = new RedisBuilder(spec.Image.Reference)
            .Wire(spec.Image, spec.Attachment)
            // The module's own wait runs redis-cli without a password; the server's log line works for every flavour and setting.
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Ready to accept connections"));
        if (spec.ServerArguments() is { Count: > 0 } arguments)
        {
            builder = builder.WithCommand(arguments.ToArray());
        }

        if (spec.HostPort is { } hostPort)
        {
            builder = builder.WithPortBinding(hostPort, RedisBuilder.RedisPort);
        }

        return new RedisNode(role, builder.Build(), spec);
    }
}
