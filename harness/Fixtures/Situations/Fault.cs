using Docker.DotNet.Models;
using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Testing;

/// <summary>Something done to Redis while the app runs, and how to undo it.</summary>
public sealed record Fault(string Name, Func<RedisNode, CancellationToken, Task> Break, Func<RedisNode, CancellationToken, Task> Restore)
{
    /// <summary><c>docker stop</c>: Redis shuts down and closes its connections; restored with <c>docker start</c>.</summary>
    public static Fault Stop { get; } = new("stop", (redis, token) => redis.StopAsync(token), (redis, token) => redis.StartAsync(token));

    /// <summary><c>docker kill</c>: Redis dies without a word; restored with <c>docker start</c>.</summary>
    public static Fault Kill { get; } = new("kill", KillAsync, (redis, token) => redis.StartAsync(token));

    /// <summary><c>docker pause</c>: connections stay open and nothing answers; restored with <c>docker unpause</c>.</summary>
    public static Fault Pause { get; } = new("pause", (redis, token) => redis.PauseAsync(token), (redis, token) => redis.UnpauseAsync(token));

    /// <summary>Redis leaves its network (a black hole: its name stops resolving); restored by reconnecting with its aliases.</summary>
    public static Fault BlackHole { get; } = new(
        "black-hole",
        (redis, token) => redis.DisconnectAsync(NetworkOf(redis).Value, token),
        (redis, token) => redis.ConnectAsync(NetworkOf(redis).Value, NetworkOf(redis).Aliases, token));

    private static async Task KillAsync(RedisNode redis, CancellationToken cancellationToken)
    {
        using var client = DockerEngine.CreateClient();
        await client.Containers.KillContainerAsync(redis.Container.Id, new ContainerKillParameters { Signal = "KILL" }, cancellationToken).ConfigureAwait(false);
    }

    private static Attachment.Network NetworkOf(RedisNode redis) =>
        redis.Spec.Attachment as Attachment.Network
        ?? throw new InvalidOperationException($"A black hole takes Redis off its network, but '{redis.Role}' is wired as {redis.Spec.Attachment.Describe()}; put it on a network the topology created.");
}
