using Heimnetz.Harness.Fixtures.Snapshots;

namespace Heimnetz.Tests.Snapshots;

[TestFixture]
public sealed class SnapshotDecisionUnitTests
{
    private static readonly SnapshotSettings Developer = new(AcceptChanges: false, IsContinuousIntegration: false, LaunchDiffTool: false);
    private static readonly SnapshotSettings Accepting = Developer with { AcceptChanges = true };

    private string directory = null!;
    private SnapshotFile file = null!;

    [SetUp]
    public void CreateDirectory()
    {
        directory = Directory.CreateTempSubdirectory("heimnetz-decision-").FullName;
        file = new SnapshotFile(directory, "Matrix.Resolution", "md");
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task DecideAsync_SameContentOtherLineEndings_MatchesAndRemovesStaleReceivedFile()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "a\r\nb\r\n");
        await File.WriteAllTextAsync(file.ReceivedPath, "stale from an earlier run");

        var outcome = await new SnapshotDecision(Developer).DecideAsync(file, "a\nb\n");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<SnapshotOutcome.Matched>());
            Assert.That(File.Exists(file.ReceivedPath), Is.False);
        });
    }

    [Test]
    public async Task DecideAsync_ChangedContent_MismatchesAndWritesNormalisedReceivedFile()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "one\ntwo\nthree\n");

        var outcome = await new SnapshotDecision(Developer).DecideAsync(file, "one\r\nTWO\r\nthree\r\n");

        var mismatch = outcome as SnapshotOutcome.Mismatched;
        Assert.That(mismatch, Is.Not.Null, $"outcome was {outcome}");
        Assert.Multiple(() =>
        {
            Assert.That(mismatch!.Diff, Does.StartWith("--- Matrix.Resolution.verified.md").And.Contain("+++ Matrix.Resolution.received.md"));
            Assert.That(mismatch.Diff, Does.Contain("@@ -1,3 +1,3 @@").And.Contain("-two").And.Contain("+TWO"));
            Assert.That(mismatch.ReceivedPath, Is.EqualTo(file.ReceivedPath));
            Assert.That(File.ReadAllText(file.ReceivedPath), Is.EqualTo("one\nTWO\nthree\n"));
            Assert.That(File.ReadAllText(file.VerifiedPath), Is.EqualTo("one\ntwo\nthree\n"));
        });
    }

    [Test]
    public async Task DecideAsync_NoVerifiedFile_IsNewWritesReceivedAndNamesTheAbsentSide()
    {
        var outcome = await new SnapshotDecision(Developer, absentName: "(nothing approved)").DecideAsync(file, "first\n");

        var created = outcome as SnapshotOutcome.New;
        Assert.That(created, Is.Not.Null, $"outcome was {outcome}");
        Assert.Multiple(() =>
        {
            Assert.That(created!.Diff, Does.StartWith("--- (nothing approved)").And.Contain("+first"));
            Assert.That(created.ReceivedPath, Is.EqualTo(file.ReceivedPath));
            Assert.That(File.ReadAllText(file.ReceivedPath), Is.EqualTo("first\n"));
            Assert.That(File.Exists(file.VerifiedPath), Is.False);
        });
    }

    [Test]
    public async Task DecideAsync_AcceptLocally_OverwritesVerifiedAndRemovesReceived()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "old\n");
        await File.WriteAllTextAsync(file.ReceivedPath, "stale from an earlier run");

        var outcome = await new SnapshotDecision(Accepting).DecideAsync(file, "new\r\n");

        var accepted = outcome as SnapshotOutcome.Accepted;
        Assert.That(accepted, Is.Not.Null, $"outcome was {outcome}");
        Assert.Multiple(() =>
        {
            Assert.That(accepted!.Diff, Does.Contain("-old").And.Contain("+new"));
            Assert.That(File.ReadAllText(file.VerifiedPath), Is.EqualTo("new\n"));
            Assert.That(File.Exists(file.ReceivedPath), Is.False);
        });
    }

    [Test]
    public async Task DecideAsync_AcceptWithoutVerifiedFolder_CreatesFolderAndVerifiedFile()
    {
        var nested = new SnapshotFile(Path.Combine(directory, "Approved"), "matrix-redis-7.0", "md");

        var outcome = await new SnapshotDecision(Accepting).DecideAsync(nested, "| isolated | ok |\n");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<SnapshotOutcome.Accepted>());
            Assert.That(File.ReadAllText(nested.VerifiedPath), Is.EqualTo("| isolated | ok |\n"));
        });
    }

    [Test]
    public async Task DecideAsync_AcceptOnCi_MismatchesAndKeepsVerified()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "old\n");
        var ci = Accepting with { IsContinuousIntegration = true };

        var outcome = await new SnapshotDecision(ci).DecideAsync(file, "new\n");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<SnapshotOutcome.Mismatched>());
            Assert.That(File.ReadAllText(file.VerifiedPath), Is.EqualTo("old\n"));
            Assert.That(File.ReadAllText(file.ReceivedPath), Is.EqualTo("new\n"));
        });
    }

    [Test]
    public async Task DecideAsync_MatchingPart_MatchesAndRemovesStaleReceivedFile()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "head\na\nb\n");
        await File.WriteAllTextAsync(file.ReceivedPath, "stale from an earlier run");
        var verified = await SnapshotDecision.ReadVerifiedAsync(file);

        var outcome = await new SnapshotDecision(Developer).DecideAsync(file, verified, "head\na\n", part: "head\na\n");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<SnapshotOutcome.Matched>());
            Assert.That(File.Exists(file.ReceivedPath), Is.False);
        });
    }

    [Test]
    public async Task DecideAsync_PartWithOtherLineEndings_ComparesOnContent()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "head\r\na\r\nb\r\n");

        var outcome = await new SnapshotDecision(Developer).DecideAsync(file, "head\r\na\r\nb\r\n", "head\na\n", part: "head\r\na\r\n");

        Assert.That(outcome, Is.TypeOf<SnapshotOutcome.Matched>());
    }

    [Test]
    public async Task DecideAsync_ChangedPartWhileAccepting_MismatchesWithoutWritingAnything()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "head\na\nb\n");
        var verified = await SnapshotDecision.ReadVerifiedAsync(file);

        var outcome = await new SnapshotDecision(Accepting).DecideAsync(file, verified, "head\nA\n", part: "head\na\n");

        var mismatch = outcome as SnapshotOutcome.Mismatched;
        Assert.That(mismatch, Is.Not.Null, $"outcome was {outcome}");
        Assert.Multiple(() =>
        {
            Assert.That(mismatch!.Diff, Does.Contain("-a").And.Contain("+A"));
            Assert.That(mismatch.ReceivedPath, Is.Null);
            Assert.That(File.Exists(file.ReceivedPath), Is.False);
            Assert.That(File.ReadAllText(file.VerifiedPath), Is.EqualTo("head\na\nb\n"));
        });
    }

    [Test]
    public void DecideAsync_PartWithoutVerifiedText_IsRejectedNamingTheFile()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => new SnapshotDecision(Developer).DecideAsync(file, verified: null, "a\n", part: "a\n"));

        Assert.That(error!.Message, Does.Contain(file.VerifiedPath));
    }
}
