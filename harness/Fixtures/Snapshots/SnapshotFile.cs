namespace Heimnetz.Harness.Fixtures.Snapshots;

/// <summary>
/// Where one snapshot lives, following Verify's conventions: <c>&lt;Class&gt;.&lt;Method&gt;.verified.&lt;ext&gt;</c>
/// beside the test source file, and <c>.received.</c> in place of <c>.verified.</c> for a mismatch.
/// </summary>
public sealed record SnapshotFile(string Directory, string Name, string Extension)
{
    public string VerifiedPath => Path.Combine(Directory, $"{Name}.verified.{Extension}");

    public string ReceivedPath => Path.Combine(Directory, $"{Name}.received.{Extension}");
}
