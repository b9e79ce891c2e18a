using Heimnetz.Discovery;
using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>
/// One verified connection to one Redis: the multiplexer, the location it was found at, and the <c>run_id</c> it answered with.
/// A link is never repaired: when it fails the circuit opens, the link is retired and recovery builds a new one,
/// so nothing queues on a dead connection.
/// </summary>
internal sealed class RedisLink(ConnectionMultiplexer multiplexer, RedisLocation location, string? runId, string clientName)
{
    public ConnectionMultiplexer Multiplexer { get; } = multiplexer;

    public IDatabase Database { get; } = multiplexer.GetDatabase();

    public RedisLocation Location { get; } = location;

    public RedisEndpoint Endpoint => Location.Endpoint;

    public string? RunId { get; } = runId;

    /// <summary>The name the server knows this connection by (<see cref="RetiredLinkFence"/>).</summary>
    public string ClientName { get; } = clientName;

    public EventHandler<ConnectionFailedEventArgs>? FailedHandler { get; set; }
}
