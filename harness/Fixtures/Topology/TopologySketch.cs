namespace Heimnetz.Harness.Fixtures.Topology;

/// <summary>What a topology was made of, by role — the networks and the nodes on them — for drawing it in a report.</summary>
public sealed record TopologySketch(IReadOnlyList<NetworkSketch> Networks, IReadOnlyList<NodeSketch> Nodes)
{
    public static TopologySketch Empty { get; } = new([], []);
}
