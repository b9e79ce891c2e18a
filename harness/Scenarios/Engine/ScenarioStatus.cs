namespace Heimnetz.Harness.Scenarios.Engine;

/// <summary>How one scenario run ended.</summary>
public enum ScenarioStatus
{
    /// <summary>It ran and every invariant held.</summary>
    Passed,

    /// <summary>It ran and at least one invariant did not hold.</summary>
    Violated,

    /// <summary>A step threw: the topology could not be built or the probe did not report.</summary>
    Failed,

    /// <summary>It could not run here (a fixed host port was busy), with the reason.</summary>
    Skipped,

    /// <summary>The situation cannot exist on this engine (see <c>Scenario.NotApplicableOn</c>); the reason is its row.</summary>
    NotApplicable,
}
