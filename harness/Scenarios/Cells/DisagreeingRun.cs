using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Matrix;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>One run of a repeated cell whose row was not the approved one: which run (1-based), its status and its row.</summary>
public sealed record DisagreeingRun(int Run, ScenarioStatus Status, MatrixRow Row);
