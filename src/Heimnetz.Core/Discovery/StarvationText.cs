using System.Globalization;
using Heimnetz.Starvation;

namespace Heimnetz.Discovery;

/// <summary>The words for an answer that starvation made impossible: what was measured, and that the peer is not to blame.</summary>
internal static class StarvationText
{
    /// <summary>The detail of an <see cref="ProbeOutcome.Inconclusive"/> candidate.</summary>
    public static string Inconclusive(StarvationAwareTimeout scope) => string.Create(
        CultureInfo.InvariantCulture,
        $"inconclusive: this process was starved of CPU for {scope.Lost.TotalMilliseconds:0} ms of a {scope.Elapsed.TotalMilliseconds:0} ms wait, so the peer had less than its {scope.Duration.TotalMilliseconds:0} ms; this says nothing about the peer (raise the CPU limit, or retry when the machine is less busy)");

    /// <summary>The detail of a candidate the whole budget could not judge because the process was starved.</summary>
    public static string BudgetStarved(StarvationAwareTimeout budget) => string.Create(
        CultureInfo.InvariantCulture,
        $"inconclusive: discovery's {budget.Duration.TotalMilliseconds:0} ms budget ended after {budget.Elapsed.TotalMilliseconds:0} ms of which this process was starved of CPU for {budget.Lost.TotalMilliseconds:0} ms; this says nothing about the peer");
}
