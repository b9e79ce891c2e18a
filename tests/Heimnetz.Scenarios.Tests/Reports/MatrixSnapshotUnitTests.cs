using Heimnetz.Harness.Fixtures.Snapshots;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Reports;

namespace Heimnetz.Scenarios.Tests.Reports;

public sealed class MatrixSnapshotUnitTests
{
    private static readonly SnapshotSettings Local = new(AcceptChanges: false, IsContinuousIntegration: false, LaunchDiffTool: false);
    private DirectoryInfo approved = null!;

    [SetUp]
    public void CreateApproved() => approved = Directory.CreateTempSubdirectory("heimnetz-approved-");

    [TearDown]
    public void RemoveApproved() => approved.Delete(recursive: true);

    [Test]
    public async Task CompareAsync_SameRows_MatchesAndLeavesNoReceivedFile()
    {
        var rows = Rows("ok", "ok");
        await Approve(rows);

        var comparison = await new MatrixSnapshot(Local, approved.FullName).CompareAsync("redis-7.0", rows);

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Matches, Is.True);
            Assert.That(comparison.Complete, Is.True);
            Assert.That(approved.GetFiles("*.received.*"), Is.Empty);
        });
    }

    [Test]
    public async Task CompareAsync_ChangedRow_WritesReceivedAndShowsAUnifiedDiff()
    {
        await Approve(Rows("ok", "ok"));

        var comparison = await new MatrixSnapshot(Local, approved.FullName).CompareAsync("redis-7.0", Rows("ok", "expected chosen is redis:6379"));

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Matches, Is.False);
            Assert.That(comparison.Diff, Does.Contain("-| slow-peer |").And.Contain("+| slow-peer |").And.Contain("@@"));
            Assert.That(File.Exists(comparison.ReceivedPath), Is.True);
        });
    }

    [Test]
    public async Task CompareAsync_SubsetOfRows_ComparesOnlyThoseAndNeverAccepts()
    {
        await Approve(Rows("ok", "ok"));
        var accepting = new SnapshotSettings(AcceptChanges: true, IsContinuousIntegration: false, LaunchDiffTool: false);

        var same = await new MatrixSnapshot(Local, approved.FullName).CompareAsync("redis-7.0", Rows("ok", "ok").Take(1).ToList());
        var changed = await new MatrixSnapshot(accepting, approved.FullName).CompareAsync("redis-7.0", Rows("changed", "ok").Take(1).ToList());

        Assert.Multiple(() =>
        {
            Assert.That(same.Matches, Is.True);
            Assert.That(same.Complete, Is.False);
            Assert.That(changed.Matches, Is.False);
            Assert.That(changed.Accepted, Is.False);
            Assert.That(File.ReadAllText(Path.Combine(approved.FullName, "matrix-redis-7.0.verified.md")), Does.Not.Contain("changed"));
        });
    }

    [Test]
    public async Task CompareAsync_AcceptOnCi_IsRefused()
    {
        await Approve(Rows("ok", "ok"));
        var ci = new SnapshotSettings(AcceptChanges: true, IsContinuousIntegration: true, LaunchDiffTool: false);

        var comparison = await new MatrixSnapshot(ci, approved.FullName).CompareAsync("redis-7.0", Rows("changed", "ok"));

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Matches, Is.False);
            Assert.That(comparison.Note, Does.Contain("CI never accepts"));
        });
    }

    [Test]
    public async Task CompareAsync_AcceptLocally_WritesTheVerifiedFile()
    {
        await Approve(Rows("ok", "ok"));
        var accepting = new SnapshotSettings(AcceptChanges: true, IsContinuousIntegration: false, LaunchDiffTool: false);

        var comparison = await new MatrixSnapshot(accepting, approved.FullName).CompareAsync("redis-7.0", Rows("changed", "ok"));

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Accepted, Is.True);
            Assert.That(File.ReadAllText(Path.Combine(approved.FullName, "matrix-redis-7.0.verified.md")), Does.Contain("changed"));
        });
    }

    [Test]
    public async Task CompareAsync_NoApprovedMatrix_WritesReceivedAndDiffsAgainstNothing()
    {
        var comparison = await new MatrixSnapshot(Local, approved.FullName).CompareAsync("redis-7.0", Rows("ok", "ok"));

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Matches, Is.False);
            Assert.That(comparison.Complete, Is.True);
            Assert.That(comparison.Diff, Does.StartWith("--- (no approved matrix)").And.Contain("+| slow-peer |"));
            Assert.That(comparison.Note, Does.StartWith("no approved matrix yet; review "));
            Assert.That(File.ReadAllText(comparison.ReceivedPath!), Is.EqualTo(ResolutionMatrix.ToMarkdown(Rows("ok", "ok"))));
            Assert.That(approved.GetFiles("*.verified.*"), Is.Empty);
        });
    }

    private Task Approve(IReadOnlyList<MatrixRow> rows) =>
        File.WriteAllTextAsync(Path.Combine(approved.FullName, "matrix-redis-7.0.verified.md"), ResolutionMatrix.ToMarkdown(rows));

    private static List<MatrixRow> Rows(string isolatedVerdict, string slowPeerVerdict) =>
    [
        SyntheticCells.Row("isolated", "redis-7.0", isolatedVerdict),
        SyntheticCells.Row("slow-peer", "redis-7.0", slowPeerVerdict),
    ];
}
