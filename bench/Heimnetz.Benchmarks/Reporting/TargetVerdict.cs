namespace Heimnetz.Benchmarks.Reporting;

/// <summary>What the report says of one target.</summary>
internal enum TargetVerdict
{
    NotMeasured,
    Met,

    /// <summary>The median of the paired rounds misses the bound, but the middle half of the rounds reaches it: the machine's noise is larger than the gap.</summary>
    WithinNoise,
    Missed,
}
