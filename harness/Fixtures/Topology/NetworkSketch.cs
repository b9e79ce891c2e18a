namespace Heimnetz.Harness.Fixtures.Topology;

/// <summary>A network the topology created, by role; internal networks have no way out.</summary>
public sealed record NetworkSketch(string Role, bool Internal);
