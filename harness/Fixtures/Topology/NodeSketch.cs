namespace Heimnetz.Harness.Fixtures.Topology;

/// <summary>
/// One node as drawn: its role, its kind (app, service, client, redis or squatter), its wiring (a network role, default-bridge, host or
/// none), the DNS names it answers to, and the host port it is published on.
/// </summary>
public sealed record NodeSketch(string Role, string Kind, string Wiring, IReadOnlyList<string> Aliases, int? HostPort);
