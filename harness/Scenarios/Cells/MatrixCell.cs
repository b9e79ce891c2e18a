using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>One cell of the matrix: a scenario on a server flavour.</summary>
public sealed record MatrixCell(Scenario Scenario, LogicalImage Server)
{
    public override string ToString() => $"{Scenario.Name} on {Server.Name}";
}
