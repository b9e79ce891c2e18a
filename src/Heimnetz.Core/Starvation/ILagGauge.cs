namespace Heimnetz.Starvation;

/// <summary>
/// Tells how much time the process lost to starvation (CPU quota, a saturated machine, its own start-up JIT) since a
/// point in time: the time during which it could not have seen an answer even if one had arrived.
/// </summary>
public interface ILagGauge
{
    /// <summary>The total time lost so far; subtract two readings to get the loss in between.</summary>
    TimeSpan Lost { get; }

    /// <summary>The longest single delay observed so far.</summary>
    TimeSpan WorstDelay { get; }
}
