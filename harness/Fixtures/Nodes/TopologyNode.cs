using Docker.DotNet.Models;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using Heimnetz.Harness.Fixtures.Engine;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>One container of a topology with the fault actions scenarios need: stop, start, pause, disconnect.</summary>
public abstract class TopologyNode : IAsyncDisposable
{
    protected TopologyNode(string role, IContainer container)
    {
        Role = role;
        Container = container;
    }

    /// <summary>The node's role in its scenario (e.g. "redis", "app", "squatter").</summary>
    public string Role { get; }

    public IContainer Container { get; }

    /// <summary>The container's id once the engine has created it; null when its start failed before (e.g. a missing image).</summary>
    public string? CreatedId
    {
        get
        {
            try
            {
                return Container.Id;
            }
            catch (InvalidOperationException)
            {
                // Testcontainers guards Id until the container exists.
                return null;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Container.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => Container.StopAsync(cancellationToken);

    /// <summary>Freezes every process in the container: connections stay open and nothing answers (a black hole).</summary>
    public async Task PauseAsync(CancellationToken cancellationToken = default)
    {
        using var client = DockerEngine.CreateClient();
        await client.Containers.PauseContainerAsync(Container.Id, cancellationToken).ConfigureAwait(false);
    }

    public async Task UnpauseAsync(CancellationToken cancellationToken = default)
    {
        using var client = DockerEngine.CreateClient();
        await client.Containers.UnpauseContainerAsync(Container.Id, cancellationToken).ConfigureAwait(false);
    }

    public async Task DisconnectAsync(INetwork network, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var client = DockerEngine.CreateClient();
        await client.Networks.DisconnectNetworkAsync(network.Name, new NetworkDisconnectParameters { Container = Container.Id, Force = true }, cancellationToken).ConfigureAwait(false);
    }

    public async Task ConnectAsync(INetwork network, IReadOnlyList<string> aliases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var client = DockerEngine.CreateClient();
        var endpoint = new EndpointSettings { Aliases = aliases.ToList() };
        await client.Networks.ConnectNetworkAsync(network.Name, new NetworkConnectParameters { Container = Container.Id, EndpointConfig = endpoint }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The container's address on a network, as the engine reports it.</summary>
    public async Task<string?> AddressOnAsync(string networkName, CancellationToken cancellationToken = default)
    {
        using var client = DockerEngine.CreateClient();
        var inspect = await client.Containers.InspectContainerAsync(Container.Id, cancellationToken).ConfigureAwait(false);
        return inspect.NetworkSettings?.Networks is { } networks && networks.TryGetValue(networkName, out var endpoint) ? endpoint.IPAddress : null;
    }

    /// <summary>The container's output so far, for the report of a failed scenario.</summary>
    public async Task<string> LogsAsync()
    {
        try
        {
            var (stdout, stderr) = await Container.GetLogsAsync().ConfigureAwait(false);
            return $"--- {Role} ({Container.Image.FullName}) ---{Environment.NewLine}{stdout}{stderr}";
        }
#pragma warning disable CA1031 // Logs are best effort: a container that never started has none.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return $"--- {Role}: no logs ({error.Message}) ---";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Container.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
