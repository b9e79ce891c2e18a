using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Heimnetz.Harness.Fixtures.Engine;

namespace Heimnetz.Harness.Fixtures.Sessions;

/// <summary>
/// Removes labelled containers (in any state, "Created" included: a failed start leaves one) and networks:
/// this run's own at its end, and those of crashed runs at the start of the next.
/// </summary>
public static class SessionJanitor
{
    /// <summary>A run on another host is presumed crashed only after this long.</summary>
    private static readonly TimeSpan ForeignRunLifetime = TimeSpan.FromHours(6);

    /// <summary>Removes every resource of the given session; returns how many were removed.</summary>
    public static Task<int> RemoveSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        RemoveAsync(labels => labels.TryGetValue(HarnessSession.SessionLabel, out var id) && id == sessionId, cancellationToken);

    /// <summary>
    /// Removes the given containers and networks now. Without Ryuk, Testcontainers' own dispose only stops them, so a
    /// topology removes what it made as it ends: the next run of the same cell (<c>--repeat</c>) reuses the names.
    /// </summary>
    public static async Task<int> RemoveAsync(IReadOnlyCollection<string> containerIds, IReadOnlyCollection<string> networkNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(containerIds);
        ArgumentNullException.ThrowIfNull(networkNames);
        if (containerIds.Count + networkNames.Count == 0)
        {
            return 0;
        }

        using var client = DockerEngine.CreateClient();
        var removed = 0;
        foreach (var id in containerIds)
        {
            removed += await TryAsync(() => client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken)).ConfigureAwait(false);
        }

        foreach (var name in networkNames)
        {
            removed += await TryAsync(() => client.Networks.DeleteNetworkAsync(name, cancellationToken)).ConfigureAwait(false);
        }

        return removed;
    }

    /// <summary>Removes resources of other runs whose owner process is gone (same host) or that are old (other hosts).</summary>
    public static Task<int> SweepAbandonedAsync(CancellationToken cancellationToken = default) =>
        RemoveAsync(IsAbandoned, cancellationToken);

    private static bool IsAbandoned(IDictionary<string, string> labels)
    {
        if (!labels.TryGetValue(HarnessSession.SessionLabel, out var id) || id == HarnessSession.Id)
        {
            return false;
        }

        if (labels.TryGetValue(HarnessSession.OwnerHostLabel, out var host) && host == Environment.MachineName
            && labels.TryGetValue(HarnessSession.OwnerProcessLabel, out var pidText)
            && int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return !IsAlive(pid);
        }

        return !labels.TryGetValue(HarnessSession.CreatedLabel, out var created)
            || !long.TryParse(created, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds) > ForeignRunLifetime;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<int> RemoveAsync(Func<IDictionary<string, string>, bool> select, CancellationToken cancellationToken)
    {
        using var client = DockerEngine.CreateClient();
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [HarnessSession.SessionLabel] = true } };
        var removed = 0;

        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, cancellationToken).ConfigureAwait(false);
        foreach (var container in containers.Where(c => select(c.Labels)))
        {
            removed += await TryAsync(() => client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken)).ConfigureAwait(false);
        }

        var networks = await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, cancellationToken).ConfigureAwait(false);
        foreach (var network in networks.Where(n => select(n.Labels)))
        {
            removed += await TryAsync(() => client.Networks.DeleteNetworkAsync(network.ID, cancellationToken)).ConfigureAwait(false);
        }

        return removed;
    }

    // A resource that vanished meanwhile (another janitor, Testcontainers' own dispose) is not an error.
    private static async Task<int> TryAsync(Func<Task> remove)
    {
        try
        {
            await remove().ConfigureAwait(false);
            return 1;
        }
        catch (DockerApiException error) when (error.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return 0;
        }
    }
}
