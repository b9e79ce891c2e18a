using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Scenarios.Tests.Reports;

namespace Heimnetz.Scenarios.Tests.Cells;

public sealed class CellStoreUnitTests
{
    private DirectoryInfo root = null!;

    [SetUp]
    public void CreateRoot() => root = Directory.CreateTempSubdirectory("heimnetz-cells-");

    [TearDown]
    public void RemoveRoot() => root.Delete(recursive: true);

    [Test]
    public async Task ReadAllAsync_WrittenCells_ComeBackEqualAndSorted()
    {
        var cells = SyntheticCells.All();
        foreach (var cell in cells.Reverse())
        {
            await CellStore.WriteAsync(root.FullName, cell);
        }

        var read = await CellStore.ReadAllAsync(root.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(cell => (cell.Scenario, cell.Server)), Is.EqualTo(cells.Select(cell => (cell.Scenario, cell.Server))));
            Assert.That(read.Select(cell => cell.Row), Is.EqualTo(cells.Select(cell => cell.Row)));
            Assert.That(read.Select(CellStore.Serialize), Is.EqualTo(cells.Select(CellStore.Serialize)));
            Assert.That(File.Exists(Path.Combine(root.FullName, "redis-7.0", "bridge-service-name.json")), Is.True);
        });
    }

    [Test]
    public async Task ReadAllAsync_CellsInDownloadedArtifactFolders_AreFoundAtAnyDepth()
    {
        await CellStore.WriteAsync(Path.Combine(root.FullName, "cells-redis-7.0-1"), SyntheticCells.Passed("slow-peer", "redis-7.0"));
        await CellStore.WriteAsync(Path.Combine(root.FullName, "cells-valkey-8.1-2"), SyntheticCells.Passed("slow-peer", "valkey-8.1"));

        var read = await CellStore.ReadAllAsync(root.FullName);

        Assert.That(read.Select(cell => cell.Server), Is.EqualTo(new[] { "redis-7.0", "valkey-8.1" }));
    }

    [Test]
    public async Task ReadAllAsync_NotACellFile_NamesTheFile()
    {
        var path = Path.Combine(root.FullName, "stray.json");
        await File.WriteAllTextAsync(path, "[1, 2]");

        var error = Assert.ThrowsAsync<InvalidDataException>(() => CellStore.ReadAllAsync(root.FullName));

        Assert.That(error!.Message, Does.Contain(path));
    }

    [Test]
    public void ReadAllAsync_MissingFolder_NamesIt()
    {
        var missing = Path.Combine(root.FullName, "nope");

        var error = Assert.ThrowsAsync<DirectoryNotFoundException>(() => CellStore.ReadAllAsync(missing));

        Assert.That(error!.Message, Does.Contain(missing).And.Contain("--cells"));
    }
}
