using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>The sample service as a scenario's app: how it is wired, what its environment says, and where it listens.</summary>
public sealed record ServiceNodeSpec(Attachment Attachment)
{
    /// <summary>The service's default port (appsettings.json).</summary>
    public const int DefaultPort = 5003;

    /// <summary>Environment variables of the service (REDIS_URL, REDIS_PASSWORD, ...).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Adds <c>host.docker.internal:host-gateway</c>, as compose's <c>extra_hosts</c> does.</summary>
    public bool HostGatewayAlias { get; init; }

    /// <summary>The port it listens on inside its network namespace (in host network mode: a port of the host).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Publishes <see cref="Port"/> on a random loopback port of the host, for a browser on the host.</summary>
    public bool PublishOnLoopback { get; init; }

    /// <summary>
    /// The service wired exactly as the probe is — same network mode, networks, environment and extra hosts — so it sees
    /// what the probe sees; on a user-defined network it answers to <paramref name="alias"/> instead of the probe's names.
    /// </summary>
    public static ServiceNodeSpec Beside(ProbeNodeSpec probe, string alias)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var attachment = probe.Attachment is Attachment.Network network ? Attachment.On(network.Value, alias) : probe.Attachment;
        return new ServiceNodeSpec(attachment) { Environment = probe.Environment, HostGatewayAlias = probe.HostGatewayAlias };
    }
}
