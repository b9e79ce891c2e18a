using Heimnetz.Harness.Scenarios.Model;
using Heimnetz.Probing;

namespace Heimnetz.Scenarios.Tests.Model;

/// <summary>What the unit tests of the matrix's columns and invariants start from: an app in a container that found one Redis.</summary>
internal static class Observations
{
    /// <summary>The app on a user-defined network: <paramref name="chosen"/> answered, and the cache is in <paramref name="mode"/>.</summary>
    public static ScenarioObservation Seen(string chosen = "redis:6379", string mode = "redis") => new(
        new ProbeReport(
            ProbeReport.CurrentSchema,
            new EnvironmentSection("docker", 2, "bridge", "172.18.0.1", []),
            new DiscoverySection([new CandidateSection(chosen, "default", "ready", 0.8, "PONG")], chosen, 12.5),
            new CacheSection(mode, 0.4)),
        string.Empty,
        "user-defined");
}
