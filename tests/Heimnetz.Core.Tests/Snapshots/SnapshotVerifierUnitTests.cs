using Heimnetz.Harness.Fixtures.Snapshots;

namespace Heimnetz.Tests.Snapshots;

[TestFixture]
public sealed class SnapshotVerifierUnitTests : SnapshotFolderFixture
{
    private static readonly SnapshotSettings Developer = new(AcceptChanges: false, IsContinuousIntegration: false, LaunchDiffTool: false);

    [Test]
    public async Task VerifyAsync_Match_PassesAndLeavesNoReceivedFile()
    {
        await File.WriteAllTextAsync(Snapshot.VerifiedPath, "a\nb\n");
        await File.WriteAllTextAsync(Snapshot.ReceivedPath, "stale from an earlier run");

        await new SnapshotVerifier(Developer).VerifyAsync(Snapshot, "a\r\nb\r\n");

        Assert.That(File.Exists(Snapshot.ReceivedPath), Is.False);
    }

    [Test]
    public async Task VerifyAsync_Mismatch_FailsWithUnifiedDiffAndLeavesReceivedFile()
    {
        await File.WriteAllTextAsync(Snapshot.VerifiedPath, "one\ntwo\nthree\n");

        var error = Assert.ThrowsAsync<SnapshotMismatchException>(() => new SnapshotVerifier(Developer).VerifyAsync(Snapshot, "one\nTWO\nthree\n"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("-two").And.Contain("+TWO").And.Contain("@@ -1,3 +1,3 @@"));
            Assert.That(File.ReadAllText(Snapshot.ReceivedPath), Is.EqualTo("one\nTWO\nthree\n"));
            Assert.That(File.ReadAllText(Snapshot.VerifiedPath), Is.EqualTo("one\ntwo\nthree\n"));
        });
    }

    [Test]
    public void VerifyAsync_NoVerifiedFile_FailsAndWritesReceived()
    {
        var error = Assert.ThrowsAsync<SnapshotMismatchException>(() => new SnapshotVerifier(Developer).VerifyAsync(Snapshot, "first"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("No verified snapshot exists yet"));
            Assert.That(File.Exists(Snapshot.ReceivedPath), Is.True);
            Assert.That(File.Exists(Snapshot.VerifiedPath), Is.False);
        });
    }

    [Test]
    public async Task VerifyAsync_AcceptOnDeveloperMachine_OverwritesVerified()
    {
        await File.WriteAllTextAsync(Snapshot.VerifiedPath, "old");

        await new SnapshotVerifier(Developer with { AcceptChanges = true }).VerifyAsync(Snapshot, "new");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Snapshot.VerifiedPath), Is.EqualTo("new"));
            Assert.That(File.Exists(Snapshot.ReceivedPath), Is.False);
        });
    }

    [Test]
    public async Task VerifyAsync_AcceptOnCi_StillFails()
    {
        await File.WriteAllTextAsync(Snapshot.VerifiedPath, "old");
        var ci = new SnapshotSettings(AcceptChanges: true, IsContinuousIntegration: true, LaunchDiffTool: false);

        var error = Assert.ThrowsAsync<SnapshotMismatchException>(() => new SnapshotVerifier(ci).VerifyAsync(Snapshot, "new"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("CI never accepts snapshots"));
            Assert.That(File.ReadAllText(Snapshot.VerifiedPath), Is.EqualTo("old"));
        });
    }

    [Test]
    public void Render_FarApartChanges_ProducesTwoHunks()
    {
        var verified = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var received = verified.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 19", "line nineteen", StringComparison.Ordinal);

        var diff = UnifiedDiff.Render(verified, received, "v", "r");

        Assert.That(diff.Split('\n').Count(line => line.StartsWith("@@", StringComparison.Ordinal)), Is.EqualTo(2));
    }
}
