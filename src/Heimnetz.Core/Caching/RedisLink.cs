using Heimnetz.Discovery;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Heimnetz.Caching;

/// <summary>
/// One verified connection to one Redis: the multiplexer, the location it was found at, and the <c>run_id</c> it answered with.
/// A link is never repaired: when it fails the circuit opens, the link is retired and recovery builds a new one,
/// so nothing queues on a dead connection.
/// </summary>
internal sealed class RedisLink : ICircuitLink
{
    public RedisLink(ConnectionMultiplexer multiplexer, RedisLocation location, string? runId, int database, string? keyPrefix, string clientName)
    {
        Multiplexer = multiplexer;
        ClientName = clientName;
        Location = location;
        RunId = runId;
        // Every command the cache sends goes through this one database, so the instance name and database index reach the
        // hot path, the health probe and the write-back alike. Without a prefix no wrapper sits between the call and SE.Redis.
        var selected = multiplexer.GetDatabase(database);
        Database = string.IsNullOrEmpty(keyPrefix) ? selected : selected.WithKeyPrefix(keyPrefix);
    }

    public ConnectionMultiplexer Multiplexer { get; }

    public IDatabase Database { get; }

    public RedisLocation Location { get; }

    public RedisEndpoint Endpoint => Location.Endpoint;

    public string? RunId { get; }

    /// <summary>The name the server knows this connection by (<see cref="RetiredLinkFence"/>).</summary>
    public string ClientName { get; }

    public EventHandler<ConnectionFailedEventArgs>? FailedHandler { get; set; }
}
