using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Model;
using Heimnetz.Probing;

namespace Heimnetz.Scenarios.Tests.Reports;

/// <summary>Cell results made up in memory — every status, a squatter, a failover timeline — so report tests need no Docker.</summary>
internal static class SyntheticCells
{
    public static readonly string[] Servers = ["redis-7.0", "redis-8.0", "valkey-8.1"];

    public static IReadOnlyList<CellResult> All()
    {
        var cells = new List<CellResult>();
        foreach (var server in Servers)
        {
            cells.Add(Passed("bridge-service-name", server));
            cells.Add(Passed("port-conflict", server) with
            {
                Topology = new TopologySketch(
                    [new NetworkSketch("app", false)],
                    [new NodeSketch("squatter", "squatter", "app", ["redis"], null), new NodeSketch("redis-dev", "redis", "app", ["redis-dev"], null), new NodeSketch("app", "app", "app", ["app"], null)]),
            });
            cells.Add(Passed("failover-stop", server) with
            {
                Transitions = [Transition("redis", "memory", 0), Transition("memory", "redis", 4.2)],
                Timings = new Dictionary<string, double> { ["switchMs"] = 180, ["returnMs"] = 900, ["p99Ms@0"] = 0.4, ["p99Ms@1"] = 2.5, ["p99Ms@2"] = 0.2, ["httpOutageP99Ms"] = 41.5, ["httpP99Ms@0.0"] = 3.1, ["httpP99Ms@1.0"] = 41.5, ["httpP99Ms@2.0"] = 1.2 },
            });
        }

        cells.Add(new CellResult("host-gateway-alias", "redis-8.0", "Redis published on the host.", "container", ScenarioStatus.Skipped, 3, Row("host-gateway-alias", "redis-8.0", "skipped: host port 6379 is busy on this machine"))
        {
            SkipReason = "host port 6379 is busy on this machine",
        });
        cells.Add(new CellResult("slow-peer", "valkey-8.1", "A silent peer.", "container", ScenarioStatus.Violated, 2100, Row("slow-peer", "valkey-8.1", "expected discovery within 2000 ms, but discovery took 2300 ms"))
        {
            Violations = ["expected discovery within 2000 ms, but discovery took 2300 ms"],
            Report = Report("redis-dev:6379"),
        });
        cells.Add(new CellResult("isolated", "redis-7.0", "No way out <script>alert(1)</script>.", "container", ScenarioStatus.Failed, 900, Row("isolated", "redis-7.0", "failed: no report"))
        {
            Failure = "at step 'start the app': InvalidOperationException: boom",
            Logs = "--- app ---\nno such image",
        });
        return cells.OrderBy(c => c.Scenario, StringComparer.Ordinal).ThenBy(c => c.Server, StringComparer.Ordinal).ToList();
    }

    public static CellResult Passed(string scenario, string server) =>
        new(scenario, server, $"The {scenario} situation.", "container", ScenarioStatus.Passed, 4200, Row(scenario, server, "ok"))
        {
            Report = Report("redis:6379"),
            Topology = new TopologySketch([new NetworkSketch("app", false)], [new NodeSketch("redis", "redis", "app", ["redis"], null), new NodeSketch("app", "app", "app", ["app"], null)]),
        };

    public static MatrixRow Row(string scenario, string server, string verdict) =>
        new(scenario, "container", server, "docker", "bridge (user-defined)", "redis:6379", "redis", "redis:6379 ready · redis-dev:6379 dns-failure", "redis via redis:6379", "healthy", "—", verdict);

    private static ProbeReport Report(string chosen) => new(
        ProbeReport.CurrentSchema,
        new EnvironmentSection("docker", 2, "bridge", "172.18.0.1", ["/.dockerenv present"]),
        new DiscoverySection(
            [
                new CandidateSection("redis:6379", "default", chosen == "redis:6379" ? "ready" : "timeout", 0.8, chosen == "redis:6379" ? "PONG" : "no reply within 1000 ms") { Reason = "compose service name" },
                new CandidateSection("redis-dev:6379", "default", chosen == "redis-dev:6379" ? "ready" : "dns-failure", null, "name does not resolve"),
                new CandidateSection("localhost:6379", "default", "refused", 0.1, "connection refused"),
            ],
            chosen,
            12.5),
        new CacheSection("redis", 0.4));

    private static ModeTransition Transition(string from, string to, double seconds) =>
        new(from, to, $"{from} to {to}", new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero).AddSeconds(seconds));
}
