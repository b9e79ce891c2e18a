using Heimnetz.Discovery;

namespace Heimnetz.Caching;

/// <summary>What the circuit needs to know of a connection: where it goes and which server answered; its identity is the object.</summary>
internal interface ICircuitLink
{
    RedisEndpoint Endpoint { get; }

    string? RunId { get; }
}
