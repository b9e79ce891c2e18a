using Heimnetz.Harness.Scenarios;
using Heimnetz.Harness.Scenarios.Cells;

namespace Heimnetz.Scenarios.Tests.Cells;

public sealed class CellSelectionUnitTests
{
    [Test]
    public void Parse_NothingGiven_SelectsEveryScenarioOnEveryServer()
    {
        var selection = CellSelection.Parse(null, null, null, Catalog.All);

        Assert.That(selection.Cells(), Has.Count.EqualTo(Catalog.All.Count * 3));
    }

    [Test]
    public void Parse_Lists_SelectsOnlyThoseCellsSorted()
    {
        var selection = CellSelection.Parse("valkey-8.1, redis-7.0", "slow-peer,isolated", null, Catalog.All);

        Assert.That(selection.Cells().Select(cell => cell.ToString()), Is.EqualTo(new[]
        {
            "isolated on redis-7.0", "isolated on valkey-8.1", "slow-peer on redis-7.0", "slow-peer on valkey-8.1",
        }));
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    public void Cells_AllShards_CoverEveryCellExactlyOnce(int count)
    {
        var all = CellSelection.Parse(null, null, null, Catalog.All).AllCells().Select(cell => cell.ToString()).ToList();

        var sharded = Enumerable.Range(1, count)
            .SelectMany(index => CellSelection.Parse(null, null, $"{index}/{count}", Catalog.All).Cells())
            .Select(cell => cell.ToString())
            .ToList();

        Assert.That(sharded, Is.EquivalentTo(all));
    }

    [Test]
    public void Cells_SameShardTwice_GivesTheSameCells()
    {
        var first = CellSelection.Parse(null, null, "2/3", Catalog.All).Cells().Select(cell => cell.ToString());
        var second = CellSelection.Parse(null, null, "2/3", Catalog.All).Cells().Select(cell => cell.ToString());

        Assert.That(second, Is.EqualTo(first));
    }

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("1-3")]
    [TestCase("a/b")]
    public void Parse_BadShard_NamesTheValueAndTheExpectedForm(string shard)
    {
        var error = Assert.Throws<ArgumentException>(() => CellSelection.Parse(null, null, shard, Catalog.All));

        Assert.That(error!.Message, Does.Contain($"'{shard}'").And.Contain("i/n"));
    }

    [Test]
    public void Parse_UnknownScenario_NamesItAndTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => CellSelection.Parse(null, "no-such", null, Catalog.All));

        Assert.That(error!.Message, Does.Contain("'no-such'").And.Contain("slow-peer"));
    }

    [Test]
    public void Parse_UnknownServer_NamesItAndTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => CellSelection.Parse("redis-6.2", null, null, Catalog.All));

        Assert.That(error!.Message, Does.Contain("'redis-6.2'").And.Contain("valkey-8.1"));
    }
}
