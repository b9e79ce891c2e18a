using System.Runtime.CompilerServices;

namespace Heimnetz.Harness.Fixtures.Snapshots;

/// <summary>
/// The entry point tests call, shaped like Verify.NUnit's <c>Verifier.Verify</c> so that swapping in Verify later
/// is a change of the <c>using</c> line. The snapshot is named after the running NUnit test's class and method.
/// </summary>
public static class Verifier
{
    public static Task Verify(string target, string extension = "txt", [CallerFilePath] string sourceFile = "")
    {
        var test = NUnit.Framework.TestContext.CurrentContext.Test;
        var className = test.ClassName?.Split('.')[^1] ?? "Unknown";
        var directory = Path.GetDirectoryName(SourcePath(sourceFile))
            ?? throw new InvalidOperationException($"The test source file '{sourceFile}' has no directory.");
        var file = new SnapshotFile(directory, $"{className}.{test.MethodName}", extension);
        return new SnapshotVerifier(SnapshotSettings.FromEnvironment()).VerifyAsync(file, target);
    }

    // CI builds are deterministic: the compiler maps the repository root to "/_/" in caller paths, so map it back.
    private static string SourcePath(string sourceFile) =>
        sourceFile.StartsWith("/_/", StringComparison.Ordinal)
            ? Path.Combine(RepositoryRoot.Path, sourceFile[3..])
            : sourceFile;
}
