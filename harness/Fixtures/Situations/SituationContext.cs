using System.Security.Cryptography;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Testing;

/// <summary>What a situation builds with: the run's topology, the server flavour, and a place to register secrets and the Redis a fault hits.</summary>
public sealed class SituationContext(TopologyBuilder topology, LogicalImage server)
{
    private readonly List<string> secrets = [];

    public TopologyBuilder Topology { get; } = topology;

    /// <summary>The Redis or Valkey flavour of this run.</summary>
    public LogicalImage Server { get; } = server;

    /// <summary>The Redis node a situation's <see cref="Fault"/> stops, kills, pauses or black-holes.</summary>
    public RedisNode? FaultTarget { get; set; }

    /// <summary>Values that must never appear in a report, a snapshot or an exception message.</summary>
    public IReadOnlyList<string> Secrets => secrets;

    /// <summary>A fresh password, registered as a secret.</summary>
    public string NewPassword()
    {
        var password = "hz-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        secrets.Add(password);
        return password;
    }
}
