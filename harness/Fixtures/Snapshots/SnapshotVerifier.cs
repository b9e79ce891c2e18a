using DiffEngine;

namespace Heimnetz.Harness.Fixtures.Snapshots;

/// <summary>
/// Compares a received text with its verified snapshot. A match passes and leaves nothing behind; a mismatch writes the
/// received file, opens a diff tool on a developer's machine, and fails with a unified diff. Accepting is explicit.
/// </summary>
public sealed class SnapshotVerifier(SnapshotSettings settings)
{
    public async Task VerifyAsync(SnapshotFile file, string received, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        received = Normalize(received);
        var verified = File.Exists(file.VerifiedPath)
            ? Normalize(await File.ReadAllTextAsync(file.VerifiedPath, cancellationToken))
            : null;

        if (verified == received)
        {
            File.Delete(file.ReceivedPath);
            return;
        }

        if (settings.AcceptChanges && !settings.IsContinuousIntegration)
        {
            await File.WriteAllTextAsync(file.VerifiedPath, received, cancellationToken);
            File.Delete(file.ReceivedPath);
            return;
        }

        await File.WriteAllTextAsync(file.ReceivedPath, received, cancellationToken);
        if (settings.LaunchDiffTool)
        {
            await DiffRunner.LaunchAsync(file.ReceivedPath, file.VerifiedPath);
        }

        throw new SnapshotMismatchException(Describe(file, verified, received));
    }

    private string Describe(SnapshotFile file, string? verified, string received)
    {
        var how = settings.IsContinuousIntegration
            ? "CI never accepts snapshots: run the tests locally, review the received file, and commit the verified one."
            : $"Review the received file; to accept it, rename it to the verified name or run with {SnapshotSettings.AcceptVariable}=true (or ./build.sh --target=AcceptSnapshots).";
        if (verified is null)
        {
            return $"No verified snapshot exists yet at {file.VerifiedPath}.{Environment.NewLine}Received: {file.ReceivedPath}{Environment.NewLine}{how}";
        }

        var diff = UnifiedDiff.Render(verified, received, Path.GetFileName(file.VerifiedPath), Path.GetFileName(file.ReceivedPath));
        return $"Snapshot mismatch for {file.Name}.{Environment.NewLine}{diff}Received: {file.ReceivedPath}{Environment.NewLine}{how}";
    }

    // Line endings differ by checkout; snapshots compare on content.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
