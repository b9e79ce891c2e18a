using Heimnetz.Harness.Fixtures.Snapshots;

namespace Heimnetz.Tests.Snapshots;

[TestFixture]
public sealed class SnapshotVerifierUnitTests
{
    private static readonly SnapshotSettings Developer = new(AcceptChanges: false, IsContinuousIntegration: false, LaunchDiffTool: false);

    private string directory = null!;
    private SnapshotFile file = null!;

    [SetUp]
    public void CreateDirectory()
    {
        directory = Directory.CreateTempSubdirectory("heimnetz-snapshots-").FullName;
        file = new SnapshotFile(directory, "Matrix.Resolution", "md");
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task VerifyAsync_Match_PassesAndLeavesNoReceivedFile()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "a\nb\n");
        await File.WriteAllTextAsync(file.ReceivedPath, "stale from an earlier run");

        await new SnapshotVerifier(Developer).VerifyAsync(file, "a\r\nb\r\n");

        Assert.That(File.Exists(file.ReceivedPath), Is.False);
    }

    [Test]
    public async Task VerifyAsync_Mismatch_FailsWithUnifiedDiffAndLeavesReceivedFile()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "one\ntwo\nthree\n");

        var error = Assert.ThrowsAsync<SnapshotMismatchException>(() => new SnapshotVerifier(Developer).VerifyAsync(file, "one\nTWO\nthree\n"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("-two").And.Contain("+TWO").And.Contain("@@ -1,3 +1,3 @@"));
            Assert.That(File.ReadAllText(file.ReceivedPath), Is.EqualTo("one\nTWO\nthree\n"));
            Assert.That(File.ReadAllText(file.VerifiedPath), Is.EqualTo("one\ntwo\nthree\n"));
        });
    }

    [Test]
    public void VerifyAsync_NoVerifiedFile_FailsAndWritesReceived()
    {
        var error = Assert.ThrowsAsync<SnapshotMismatchException>(() => new SnapshotVerifier(Developer).VerifyAsync(file, "first"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("No verified snapshot exists yet"));
            Assert.That(File.Exists(file.ReceivedPath), Is.True);
            Assert.That(File.Exists(file.VerifiedPath), Is.False);
        });
    }

    [Test]
    public async Task VerifyAsync_AcceptOnDeveloperMachine_OverwritesVerified()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "old");

        await new SnapshotVerifier(Developer with { AcceptChanges = true }).VerifyAsync(file, "new");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(file.VerifiedPath), Is.EqualTo("new"));
            Assert.That(File.Exists(file.ReceivedPath), Is.False);
        });
    }

    [Test]
    public async Task VerifyAsync_AcceptOnCi_StillFails()
    {
        await File.WriteAllTextAsync(file.VerifiedPath, "old");
        var ci = new SnapshotSettings(AcceptChanges: true, IsContinuousIntegration: true, LaunchDiffTool: false);

        var error = Assert.ThrowsAsync<SnapshotMismatchException>(() => new SnapshotVerifier(ci).VerifyAsync(file, "new"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("CI never accepts snapshots"));
            Assert.That(File.ReadAllText(file.VerifiedPath), Is.EqualTo("old"));
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
