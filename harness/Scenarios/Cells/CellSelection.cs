using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>
/// Which cells to run: the chosen servers × the chosen scenarios, sorted by (scenario, server) ordinally and cut into a
/// shard round-robin. The same arguments give the same cells on every machine, so CI shards never overlap or miss one.
/// </summary>
public sealed record CellSelection(IReadOnlyList<LogicalImage> Servers, IReadOnlyList<Scenario> Scenarios, Shard Shard)
{
    /// <summary>Builds a selection from comma-separated lists (empty: all) and a shard (<c>i/n</c>, empty: all).</summary>
    public static CellSelection Parse(string? servers, string? scenarios, string? shard, IReadOnlyList<Scenario> catalog) => new(
        Split(servers).Select(LogicalImage.Server).DistinctBy(server => server.Name).ToList() is { Count: > 0 } chosenServers ? chosenServers : LogicalImage.Servers,
        Split(scenarios).Select(name => Find(catalog, name)).Distinct().ToList() is { Count: > 0 } chosenScenarios ? chosenScenarios : catalog,
        Shard.Parse(shard));

    /// <summary>Every selected cell, sorted, before sharding.</summary>
    public IReadOnlyList<MatrixCell> AllCells() =>
        Scenarios.SelectMany(scenario => Servers.Select(server => new MatrixCell(scenario, server)))
            .OrderBy(cell => cell.Scenario.Name, StringComparer.Ordinal)
            .ThenBy(cell => cell.Server.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The cells of this shard.</summary>
    public IReadOnlyList<MatrixCell> Cells() => Shard.Take(AllCells());

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Scenario Find(IReadOnlyList<Scenario> catalog, string name) =>
        catalog.FirstOrDefault(scenario => string.Equals(scenario.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"--scenario names '{name}', which is not a scenario; expected one of {string.Join(", ", catalog.Select(s => s.Name))}.", nameof(name));
}
