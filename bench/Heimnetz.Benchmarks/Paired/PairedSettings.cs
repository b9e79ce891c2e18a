namespace Heimnetz.Benchmarks.Paired;

/// <summary>How many alternating rounds the paired harness runs, and how many calls each contender makes per round.</summary>
/// <param name="Rounds">Rounds; each measures both contenders back to back, in alternating order (AB, BA, …).</param>
/// <param name="LatencyCalls">Calls per contender and round for single-caller latency, each timed on its own.</param>
/// <param name="ThroughputCalls">Calls per contender and round for the 64-caller throughput.</param>
/// <param name="MemoryCalls">Calls per contender and round for memory mode, timed as one batch (one call is below the clock's resolution).</param>
internal sealed record PairedSettings(int Rounds, int LatencyCalls, int ThroughputCalls, int MemoryCalls)
{
    public static PairedSettings Full { get; } = new(101, 300, 4096, 20_000);

    public static PairedSettings Smoke { get; } = new(4, 20, 256, 1_000);
}
