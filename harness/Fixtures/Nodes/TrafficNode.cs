using System.Globalization;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>
/// A client inside the topology (curl, heimnetz/http-client:1) that sends requests to an app the way its real clients
/// would, from a container on the same network, and times each one.
/// </summary>
public sealed class TrafficNode : TopologyNode
{
    private const string StopFile = "/tmp/heimnetz-traffic-stop";

    /// <summary>
    /// Requests per curl run: they share a connection, and each run starts with a timestamp line. A short pause after
    /// each run keeps the client from taking a core the app and its probe need on a small machine.
    /// </summary>
    private const int Batch = 10;

    private TrafficNode(string role, IContainer container)
        : base(role, container)
    {
    }

    internal static TrafficNode Create(string role, Attachment attachment)
    {
        var builder = new ContainerBuilder(LogicalImage.HttpClient.Reference)
            .Wire(LogicalImage.HttpClient, attachment)
            .WithCommand("sleep", "infinity");
        return new TrafficNode(role, builder.Build());
    }

    /// <summary>
    /// Sends <c>GET</c> to <paramref name="urls"/> in turn, over and over, until <see cref="EndTrafficAsync"/>; the task ends
    /// with every request's status and duration. A connection error is status 0; no request waits longer than 2 s.
    /// </summary>
    public async Task<TrafficRun> RunUntilStoppedAsync(IReadOnlyList<Uri> urls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        if (urls.Count == 0)
        {
            throw new ArgumentException("Traffic needs at least one URL.", nameof(urls));
        }

        var targets = string.Join(' ', Enumerable.Range(0, Batch).Select(i => $"-o /dev/null '{urls[i % urls.Count]}'"));
        var script = string.Create(CultureInfo.InvariantCulture, $$"""
            rm -f {{StopFile}}
            while [ ! -e {{StopFile}} ]; do
              printf 'at %s\n' "$(date +%s%3N)"
              curl -s --connect-timeout 2 --max-time 2 -w '%{http_code} %{time_total}\n' {{targets}} || true
              sleep 0.1
            done
            """);
        var result = await Container.ExecAsync(["bash", "-c", script], cancellationToken).ConfigureAwait(false);
        return TrafficRun.Parse(result.Stdout);
    }

    /// <summary>Ends the loop of <see cref="RunUntilStoppedAsync"/> after the batch in flight.</summary>
    public async Task EndTrafficAsync(CancellationToken cancellationToken = default) =>
        await Container.ExecAsync(["touch", StopFile], cancellationToken).ConfigureAwait(false);
}
