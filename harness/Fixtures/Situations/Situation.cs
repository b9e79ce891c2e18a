namespace Heimnetz.Testing;

/// <summary>
/// One real-world situation as a value: a name, a sentence, how it arranges the topology around the app, and optionally
/// a fault applied while the app runs. Pick one from <see cref="Situations"/>, derive one with <c>with</c>, or write your
/// own <see cref="Arrange"/> from the same parts (networks, Redis/Valkey nodes, squatters, host-published ports).
/// </summary>
/// <param name="Name">Stable kebab-case name, as the command line and snapshots show it.</param>
/// <param name="Description">One sentence on what this reproduces.</param>
/// <param name="Arrange">Builds everything but the app, and says where the app goes.</param>
public sealed record Situation(string Name, string Description, Func<SituationContext, CancellationToken, Task<AppPlacement>> Arrange)
{
    /// <summary>Host ports the situation publishes (e.g. 6379); the run refuses to start when one is busy.</summary>
    public IReadOnlyList<int> HostPorts { get; init; } = [];

    /// <summary>Where a well-configured app finds Redis here (e.g. <c>redis-dev:6379</c>); null when there is none.</summary>
    public string? RedisEndpoint { get; init; }

    /// <summary>A fault applied to Redis while the app runs, then undone; null for a steady situation.</summary>
    public Fault? Fault { get; init; }

    public override string ToString() => Name;
}
