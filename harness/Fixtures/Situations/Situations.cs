using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Testing;

/// <summary>The situations of the Heimnetz catalog, as values to run your own app in.</summary>
public static class Situations
{
    /// <summary>The compose default: app and Redis on one user-defined network; Redis answers as <c>redis</c>.</summary>
    public static Situation BridgeServiceName { get; } = new(
        "bridge-service-name",
        "App and Redis share a user-defined bridge network; Redis answers as 'redis'.",
        async (context, token) =>
        {
            var network = await context.Topology.AddNetworkAsync("app", cancellationToken: token).ConfigureAwait(false);
            context.FaultTarget = await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.On(network, "redis")), token).ConfigureAwait(false);
            return new AppPlacement(Attachment.On(network, "app"));
        })
    {
        RedisEndpoint = "redis:6379",
    };

    /// <summary>Network mode host: Redis published on host port 6379 is on the app's localhost.</summary>
    public static Situation HostNetwork { get; } = new(
        "host-network",
        "The app runs with network mode host; Redis is published on host port 6379.",
        async (context, token) =>
        {
            context.FaultTarget = await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.Bridge) { HostPort = 6379 }, token).ConfigureAwait(false);
            return new AppPlacement(Attachment.HostNetwork);
        })
    {
        HostPorts = [6379],
        RedisEndpoint = "localhost:6379",
    };

    /// <summary>Docker Desktop's way on Linux: <c>host.docker.internal:host-gateway</c> points at Redis published on the host.</summary>
    public static Situation HostGatewayAlias { get; } = new(
        "host-gateway-alias",
        "The app has host.docker.internal:host-gateway; Redis runs on the host (published 6379).",
        async (context, token) =>
        {
            context.FaultTarget = await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.Bridge) { HostPort = 6379 }, token).ConfigureAwait(false);
            var network = await context.Topology.AddNetworkAsync("app", cancellationToken: token).ConfigureAwait(false);
            return new AppPlacement(Attachment.On(network, "app")) { HostGatewayAlias = true };
        })
    {
        HostPorts = [6379],
        RedisEndpoint = "host.docker.internal:6379",
    };

    /// <summary>Plain <c>docker run</c>: no container DNS on the default bridge; Redis published on the host is behind the gateway.</summary>
    public static Situation DefaultBridgeGateway { get; } = new(
        "default-bridge-gateway",
        "The app is on the default bridge (no container DNS); Redis is published on host port 6379, behind the gateway.",
        async (context, token) =>
        {
            context.FaultTarget = await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.Bridge) { HostPort = 6379 }, token).ConfigureAwait(false);
            return new AppPlacement(Attachment.Bridge);
        })
    {
        HostPorts = [6379],
        RedisEndpoint = "<bridge-gateway>:6379",
    };

    /// <summary>Something else answers as <c>redis</c> (a web server); the real Redis is <c>redis-dev</c>.</summary>
    public static Situation PortConflict { get; } = new(
        "port-conflict",
        "A non-Redis service holds redis:6379; the real Redis answers as redis-dev.",
        async (context, token) =>
        {
            var network = await context.Topology.AddNetworkAsync("app", cancellationToken: token).ConfigureAwait(false);
            await context.Topology.AddSquatterAsync("squatter", SquatterKind.HttpResponder, Attachment.On(network, "redis"), cancellationToken: token).ConfigureAwait(false);
            context.FaultTarget = await context.Topology.AddRedisAsync("redis-dev", new RedisNodeSpec(context.Server, Attachment.On(network, "redis-dev")), token).ConfigureAwait(false);
            return new AppPlacement(Attachment.On(network, "app"));
        })
    {
        RedisEndpoint = "redis-dev:6379",
    };

    /// <summary><c>redis</c> accepts connections and never answers; the real Redis is <c>redis-dev</c>.</summary>
    public static Situation SlowPeer { get; } = new(
        "slow-peer",
        "redis:6379 accepts and never replies; the real Redis answers as redis-dev.",
        async (context, token) =>
        {
            var network = await context.Topology.AddNetworkAsync("app", cancellationToken: token).ConfigureAwait(false);
            await context.Topology.AddSquatterAsync("silent", SquatterKind.Silent, Attachment.On(network, "redis"), cancellationToken: token).ConfigureAwait(false);
            context.FaultTarget = await context.Topology.AddRedisAsync("redis-dev", new RedisNodeSpec(context.Server, Attachment.On(network, "redis-dev")), token).ConfigureAwait(false);
            return new AppPlacement(Attachment.On(network, "app"));
        })
    {
        RedisEndpoint = "redis-dev:6379",
    };

    /// <summary>No Redis and no way out: the app sits on an internal network.</summary>
    public static Situation Isolated { get; } = new(
        "isolated",
        "The app sits on an internal network with no Redis and no route out.",
        async (context, token) =>
        {
            var network = await context.Topology.AddNetworkAsync("internal", isInternal: true, token).ConfigureAwait(false);
            return new AppPlacement(Attachment.On(network, "app"));
        });

    /// <summary>Redis has a password; the app (and the sidecar) are given a different one.</summary>
    public static Situation WrongPassword { get; } = new(
        "wrong-password",
        "Redis has requirepass; the app is configured with a different password.",
        async (context, token) =>
        {
            var actual = context.NewPassword();
            var configured = context.NewPassword();
            var network = await context.Topology.AddNetworkAsync("app", cancellationToken: token).ConfigureAwait(false);
            context.FaultTarget = await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.On(network, "redis")) { Password = actual }, token).ConfigureAwait(false);
            return new AppPlacement(Attachment.On(network, "app")) { Environment = new Dictionary<string, string> { ["REDIS_PASSWORD"] = configured } };
        })
    {
        RedisEndpoint = "redis:6379",
    };

    /// <summary>The compose default, with Redis stopped while the app runs and started again.</summary>
    public static Situation FailoverStop { get; } = BridgeServiceName with
    {
        Name = "failover-stop",
        Description = "While the app runs, Redis is stopped and later started again.",
        Fault = Fault.Stop,
    };

    /// <summary>The compose default, with Redis killed while the app runs and started again.</summary>
    public static Situation FailoverKill { get; } = BridgeServiceName with
    {
        Name = "failover-kill",
        Description = "While the app runs, Redis is killed and later started again.",
        Fault = Fault.Kill,
    };

    /// <summary>The compose default, with Redis frozen (connections open, no answers) and later thawed.</summary>
    public static Situation FailoverBlackhole { get; } = BridgeServiceName with
    {
        Name = "failover-blackhole",
        Description = "While the app runs, Redis is paused (a black hole: connections stay open, nothing answers) and later resumed.",
        Fault = Fault.Pause,
    };

    /// <summary>Every situation here, in the order people read them.</summary>
    public static IReadOnlyList<Situation> All { get; } =
    [
        BridgeServiceName, DefaultBridgeGateway, HostGatewayAlias, HostNetwork, Isolated, PortConflict, WrongPassword,
        SlowPeer, FailoverStop, FailoverKill, FailoverBlackhole,
    ];

    /// <summary>Finds a situation by name; an unknown name throws listing the known ones.</summary>
    public static Situation Find(string name) =>
        All.FirstOrDefault(situation => string.Equals(situation.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown situation '{name}'; expected one of {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
}
