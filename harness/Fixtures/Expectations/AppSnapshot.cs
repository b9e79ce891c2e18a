using System.Runtime.CompilerServices;
using Heimnetz.Harness.Fixtures.Snapshots;

namespace Heimnetz.Testing;

/// <summary>
/// Verify's convention from any test framework: <c>&lt;TestFile&gt;.&lt;TestMethod&gt;.verified.txt</c> beside the test's
/// source file, a <c>.received.txt</c> and a diff on a mismatch, accepted only with <c>HEIMNETZ_ACCEPT_SNAPSHOTS=true</c>
/// and never under <c>CI=true</c>.
/// </summary>
public static class AppSnapshot
{
    public static Task VerifyAsync(string received, string? directory = null, [CallerFilePath] string sourceFile = "", [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(received);
        if (directory is null && (sourceFile.Length == 0 || sourceFile.StartsWith("/_/", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                $"The test's source path is '{sourceFile}' (a deterministic build hides it), so the snapshot has no folder; pass the directory, or build the tests without ContinuousIntegrationBuild.");
        }

        var folder = directory ?? Path.GetDirectoryName(sourceFile)!;
        var file = new SnapshotFile(folder, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{testName}", "txt");
        return new SnapshotVerifier(SnapshotSettings.FromEnvironment()).VerifyAsync(file, received);
    }
}
