namespace Heimnetz.Harness.Scenarios.Matrix;

/// <summary>One row of the resolution matrix: deterministic text only — no ids, no varying addresses, no timings.</summary>
public sealed record MatrixRow(
    string Scenario,
    string AppRuns,
    string Server,
    string Container,
    string Network,
    string Chosen,
    string Cache,
    string Candidates,
    string Service,
    string Doctor,
    string Remedy,
    string Verdict);
