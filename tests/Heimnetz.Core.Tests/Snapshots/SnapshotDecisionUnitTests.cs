using Heimnetz.Harness.Fixtures.Snapshots;

namespace Heimnetz.Tests.Snapshots;

[TestFixture]
public sealed class SnapshotDecisionUnitTests : SnapshotFolderFixture
{
    private static readonly SnapshotSettings Developer = new(AcceptChanges: false, IsContinuousIntegration: false, LaunchDiffTool: false);
    private static readonly SnapshotSettings Accepting = Developer with { AcceptChanges = true };

    // The whole snapshot as read from disk, and a part of it as a partial run passes it (line endings not yet normalised).
    private static readonly TestCaseData[] SameContent =
    [
        new TestCaseData("a\r\nb\r\n", null, "a\nb\n").SetArgDisplayNames("whole"),
        new TestCaseData("head\r\na\r\nb\r\n", "head\r\na\r\n", "head\na\n").SetArgDisplayNames("part"),
    ];

    [TestCaseSource(nameof(SameContent))]
    public async Task DecideAsync_SameContentOtherLineEndings_MatchesAndRemovesStaleReceivedFile(string verified, string? part, string received)
    {
        await File.WriteAllTextAsync(Snapshot.VerifiedPath, verified);
        await File.WriteAllTextAsync(Snapshot.ReceivedPath, "stale from an earlier run");

        var outcome = part is null
            ? await new SnapshotDecision(Developer).DecideAsync(Snapshot, received)
            : await new SnapshotDecision(Developer).DecideAsync(Snapshot, verified, received, part);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<SnapshotOutcome.Matched>());
            Assert.That(File.Exists(Snapshot.ReceivedPath), Is.False);
        });
    }

    [Test]
    public async Task DecideAsync_ChangedContent_MismatchesAndWritesNormalisedReceivedFile()
    {
        await File.WriteAllTextAsync(Snapshot.VerifiedPath, "one\ntwo\nthree\n");

        var mismatch = Expect<SnapshotOutcome.Mismatched>(await new SnapshotDecision(Developer).DecideAsync(Snapshot, "one\r\nTWO\r\nthree\r\n"));

        Assert.Multiple(() =>
        {
            Assert.That(mismatch.Diff, Does.StartWith("--- Matrix.Resolution.verified.md").And.Contain("+++ Matrix.Resolution.received.md"));
            Assert.That(mismatch.Diff, Does.Contain("@@ -1,3 +1,3 @@").And.Contain("-two").And.Contain("+TWO"));
            Assert.That(mismatch.ReceivedPath, Is.EqualTo(Snapshot.ReceivedPath));
            Assert.That(File.ReadAllText(Snapshot.ReceivedPath), Is.EqualTo("one\nTWO\nthree\n"));
            Assert.That(File.ReadAllText(Snapshot.VerifiedPath), Is.EqualTo("one\ntwo\nthree\n"));
        });
    }

    [Test]
    public async Task DecideAsync_NoVerifiedFile_IsNewWritesReceivedAndNamesTheAbsentSide()
    {
        var created = Expect<SnapshotOutcome.New>(await new SnapshotDecision(Developer, absentName: "(nothing approved)").DecideAsync(Snapshot, "first\n"));

        Assert.Multiple(() =>
        {
            Assert.That(created.Diff, Does.StartWith("--- (nothing approved)").And.Contain("+first"));
            Assert.That(created.ReceivedPath, Is.EqualTo(Snapshot.ReceivedPath));
            Assert.That(File.ReadAllText(Snapshot.ReceivedPath), Is.EqualTo("first\n"));
            Assert.That(File.Exists(Snapshot.VerifiedPath), Is.False);
        });
    }

    [Test]
    public async Task DecideAsync_AcceptLocally_OverwritesVerifiedAndRemovesReceived()
    {
        await File.WriteAllTextAsync(Snapshot.VerifiedPath, "old\n");
        await File.WriteAllTextAsync(Snapshot.ReceivedPath, "stale from an earlier run");

        var accepted = Expect<SnapshotOutcome.Accepted>(await new SnapshotDecision(Accepting).DecideAsync(Snapshot, "new\r\n"));

        Assert.Multiple(() =>
        {
            Assert.That(accepted.Diff, Does.Contain("-old").And.Contain("+new"));
            Assert.That(File.ReadAllText(Snapshot.VerifiedPath), Is.EqualTo("new\n"));
            Assert.That(File.Exists(Snapshot.ReceivedPath), Is.False);
        });
    }

    [Test]
    public async Task DecideAsync_AcceptWithoutVerifiedFolder_CreatesFolderAndVerifiedFile()
    {
        var nested = new SnapshotFile(Path.Combine(Folder, "Approved"), "matrix-redis-7.0", "md");

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
        await File.WriteAllTextAsync(Snapshot.VerifiedPath, "old\n");
        var ci = Accepting with { IsContinuousIntegration = true };

        var outcome = await new SnapshotDecision(ci).DecideAsync(Snapshot, "new\n");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.TypeOf<SnapshotOutcome.Mismatched>());
            Assert.That(File.ReadAllText(Snapshot.VerifiedPath), Is.EqualTo("old\n"));
            Assert.That(File.ReadAllText(Snapshot.ReceivedPath), Is.EqualTo("new\n"));
        });
    }

    [Test]
    public async Task DecideAsync_ChangedPartWhileAccepting_MismatchesWithoutWritingAnything()
    {
        await File.WriteAllTextAsync(Snapshot.VerifiedPath, "head\na\nb\n");
        var verified = await SnapshotDecision.ReadVerifiedAsync(Snapshot);

        var mismatch = Expect<SnapshotOutcome.Mismatched>(await new SnapshotDecision(Accepting).DecideAsync(Snapshot, verified, "head\nA\n", part: "head\na\n"));

        Assert.Multiple(() =>
        {
            Assert.That(mismatch.Diff, Does.Contain("-a").And.Contain("+A"));
            Assert.That(mismatch.ReceivedPath, Is.Null);
            Assert.That(File.Exists(Snapshot.ReceivedPath), Is.False);
            Assert.That(File.ReadAllText(Snapshot.VerifiedPath), Is.EqualTo("head\na\nb\n"));
        });
    }

    [Test]
    public void DecideAsync_PartWithoutVerifiedText_IsRejectedNamingTheFile()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => new SnapshotDecision(Developer).DecideAsync(Snapshot, verified: null, "a\n", part: "a\n"));

        Assert.That(error!.Message, Does.Contain(Snapshot.VerifiedPath));
    }

    // Fails with the outcome it got, so a wrong decision names itself.
    private static T Expect<T>(SnapshotOutcome outcome)
        where T : SnapshotOutcome
    {
        Assert.That(outcome, Is.TypeOf<T>());
        return (T)outcome;
    }
}
