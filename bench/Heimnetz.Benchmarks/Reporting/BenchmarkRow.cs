namespace Heimnetz.Benchmarks.Reporting;

/// <summary>One BenchmarkDotNet result, reduced to what the report shows; times in nanoseconds per call.</summary>
internal sealed record BenchmarkRow(string Type, string Client, string Operation, int PayloadBytes, int Callers, double MeanNs, double MedianNs, long? AllocatedBytes)
{
    /// <summary>Calls per second implied by the mean time per call.</summary>
    public double Throughput => MeanNs > 0 ? 1e9 / MeanNs : 0;
}
