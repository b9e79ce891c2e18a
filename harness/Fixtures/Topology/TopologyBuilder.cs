using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Logging;
using Heimnetz.Harness.Fixtures.Sessions;

namespace Heimnetz.Harness.Fixtures.Topology;

/// <summary>
/// Owns everything one scenario creates — networks and nodes, all labelled — and removes it in reverse order,
/// unless asked to keep it up for a developer to look around.
/// </summary>
public sealed class TopologyBuilder(string name) : IAsyncDisposable
{
    private readonly List<INetwork> networks = [];
    private readonly List<TopologyNode> nodes = [];
    private readonly List<NetworkSketch> networkSketches = [];
    private readonly List<NodeSketch> nodeSketches = [];

    public string Name { get; } = name;

    /// <summary>Leave the topology up on dispose (for <c>run --keep</c>).</summary>
    public bool Keep { get; set; }

    public IReadOnlyList<TopologyNode> Nodes => nodes;

    public IReadOnlyList<INetwork> Networks => networks;

    public async Task<INetwork> AddNetworkAsync(string role, bool isInternal = false, CancellationToken cancellationToken = default)
    {
        var builder = new NetworkBuilder()
            .WithName($"heimnetz-{Name}-{role}-{HarnessSession.Id}")
            .WithLabel(HarnessSession.Labels)
            .WithLogger(TestcontainersLog.Logger)
            // No Ryuk: the session janitor removes what the labels name.
            .WithCleanUp(false);
        if (isInternal)
        {
            builder = builder.WithCreateParameterModifier(parameters => parameters.Internal = true);
        }

        var network = builder.Build();
        networks.Add(network);
        networkSketches.Add(new NetworkSketch(role, isInternal));
        await network.CreateAsync(cancellationToken).ConfigureAwait(false);
        return network;
    }

    public Task<RedisNode> AddRedisAsync(string role, RedisNodeSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Sketch(role, "redis", spec.Attachment, spec.HostPort);
        return StartAsync(RedisNode.Create(role, spec), cancellationToken);
    }

    public async Task<ProbeNode> AddProbeAsync(string role, ProbeNodeSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Sketch(role, "app", spec.Attachment, hostPort: null);
        return await StartAsync(await ProbeNode.CreateAsync(role, spec, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the sample service as an app; see <see cref="ServiceNodeSpec.Beside"/> to wire it as the probe is.</summary>
    public Task<ServiceNode> AddServiceAsync(string role, ServiceNodeSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Sketch(role, "service", spec.Attachment, hostPort: null);
        return StartAsync(ServiceNode.Create(role, spec), cancellationToken);
    }

    /// <summary>Starts a curl container that drives HTTP traffic from inside the topology.</summary>
    public Task<TrafficNode> AddTrafficAsync(string role, Attachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        Sketch(role, "client", attachment, hostPort: null);
        return StartAsync(TrafficNode.Create(role, attachment), cancellationToken);
    }

    public Task<SquatterNode> AddSquatterAsync(string role, SquatterKind kind, Attachment attachment, int port = 6379, int? hostPort = null, CancellationToken cancellationToken = default)
    {
        Sketch(role, "squatter", attachment, hostPort);
        return StartAsync(SquatterNode.Create(role, kind, attachment, port, hostPort), cancellationToken);
    }

    /// <summary>
    /// Starts a node built outside this type (someone's app, a sidecar) as part of the topology: it is drawn in the
    /// sketch as <paramref name="kind"/>, and removed with the rest.
    /// </summary>
    public Task<TNode> AddNodeAsync<TNode>(TNode node, string kind, Attachment attachment, int? hostPort = null, CancellationToken cancellationToken = default)
        where TNode : TopologyNode
    {
        ArgumentNullException.ThrowIfNull(node);
        Sketch(node.Role, kind, attachment, hostPort);
        return StartAsync(node, cancellationToken);
    }

    /// <summary>The networks and nodes so far, by role, for a report to draw.</summary>
    public TopologySketch Sketch() => new(networkSketches.ToList(), nodeSketches.ToList());

    /// <summary>Every node's output, for the report of a failed scenario.</summary>
    public async Task<string> CollectLogsAsync()
    {
        var logs = new List<string>();
        foreach (var node in nodes)
        {
            logs.Add(await node.LogsAsync().ConfigureAwait(false));
        }

        return string.Join(Environment.NewLine, logs);
    }

    public async ValueTask DisposeAsync()
    {
        if (Keep)
        {
            return;
        }

        var containerIds = nodes.Select(node => node.CreatedId).OfType<string>().ToList();
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            await nodes[i].DisposeAsync().ConfigureAwait(false);
        }

        for (var i = networks.Count - 1; i >= 0; i--)
        {
            await networks[i].DisposeAsync().ConfigureAwait(false);
        }

        // Without Ryuk the disposes above only stop; remove now, so the next run of this cell can reuse the names.
        await SessionJanitor.RemoveAsync(containerIds, [.. networks.Select(network => network.Name)]).ConfigureAwait(false);
    }

    private void Sketch(string role, string kind, Attachment attachment, int? hostPort)
    {
        var (wiring, aliases) = attachment switch
        {
            Attachment.Network network => (networks.IndexOf(network.Value) is var index and >= 0 ? networkSketches[index].Role : network.Value.Name, network.Aliases),
            _ => (attachment.Describe(), (IReadOnlyList<string>)[]),
        };
        nodeSketches.Add(new NodeSketch(role, kind, wiring, aliases, hostPort));
    }

    // The node is tracked before it starts, so a failed start is still cleaned up (and its logs collected).
    private async Task<TNode> StartAsync<TNode>(TNode node, CancellationToken cancellationToken)
        where TNode : TopologyNode
    {
        nodes.Add(node);
        await node.StartAsync(cancellationToken).ConfigureAwait(false);
        return node;
    }
}
