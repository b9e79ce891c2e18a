using Heimnetz.Harness.Fixtures.Snapshots;

namespace Heimnetz.Tests.Snapshots;

/// <summary>Gives each snapshot test a snapshot file in a fresh temporary folder, and removes the folder afterwards.</summary>
public abstract class SnapshotFolderFixture
{
    protected string Folder { get; private set; } = null!;

    protected SnapshotFile Snapshot { get; private set; } = null!;

    [SetUp]
    public void CreateFolder()
    {
        Folder = Directory.CreateTempSubdirectory("heimnetz-snapshots-").FullName;
        Snapshot = new SnapshotFile(Folder, "Matrix.Resolution", "md");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);
}
