using DotNet.Testcontainers.Networks;

namespace Heimnetz.Harness.Fixtures.Topology;

/// <summary>How a node is wired: to a network the topology created (with DNS aliases), the default bridge, the host's namespace, or nothing.</summary>
public abstract record Attachment
{
    private Attachment()
    {
    }

    /// <summary>A user-defined (or internal) network with embedded DNS; the aliases are the names other nodes use.</summary>
    public sealed record Network(INetwork Value, IReadOnlyList<string> Aliases) : Attachment
    {
        public override string Describe() => "user-defined";
    }

    /// <summary>Docker's default bridge: no DNS between containers, the gateway is the way to the host.</summary>
    public sealed record DefaultBridge : Attachment
    {
        public override string Describe() => "default-bridge";
    }

    /// <summary>Network mode host: the container shares the host's interfaces, loopback included.</summary>
    public sealed record Host : Attachment
    {
        public override string Describe() => "host";
    }

    /// <summary>Network mode none: only loopback.</summary>
    public sealed record None : Attachment
    {
        public override string Describe() => "none";
    }

    /// <summary>Network mode <c>container:&lt;id&gt;</c>: shares another container's network namespace (a sidecar beside an app).</summary>
    public sealed record SharedWith(string ContainerId, string Role) : Attachment
    {
        public override string Describe() => $"container:{Role}";
    }

    public static Attachment On(INetwork network, params string[] aliases) => new Network(network, aliases);

    public static readonly Attachment Bridge = new DefaultBridge();
    public static readonly Attachment HostNetwork = new Host();
    public static readonly Attachment Nothing = new None();

    /// <summary>The word the resolution matrix uses for this wiring.</summary>
    public abstract string Describe();
}
