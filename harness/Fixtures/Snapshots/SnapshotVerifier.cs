using DiffEngine;

namespace Heimnetz.Harness.Fixtures.Snapshots;

/// <summary>
/// Compares a received text with its verified snapshot. A match passes and leaves nothing behind; a mismatch writes the
/// received file, opens a diff tool on a developer's machine, and fails with a unified diff. Accepting is explicit.
/// The rules live in <see cref="SnapshotDecision"/>; this type only turns its outcome into a pass or a failure.
/// </summary>
public sealed class SnapshotVerifier(SnapshotSettings settings)
{
    public async Task VerifyAsync(SnapshotFile file, string received, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var outcome = await new SnapshotDecision(settings).DecideAsync(file, received, cancellationToken);
        if (outcome is SnapshotOutcome.Matched or SnapshotOutcome.Accepted)
        {
            return;
        }

        if (settings.LaunchDiffTool)
        {
            await DiffRunner.LaunchAsync(file.ReceivedPath, file.VerifiedPath);
        }

        throw new SnapshotMismatchException(Describe(file, outcome));
    }

    private string Describe(SnapshotFile file, SnapshotOutcome outcome)
    {
        var how = settings.IsContinuousIntegration
            ? "CI never accepts snapshots: run the tests locally, review the received file, and commit the verified one."
            : $"Review the received file; to accept it, rename it to the verified name or run with {SnapshotSettings.AcceptVariable}=true.";
        return outcome is SnapshotOutcome.Mismatched mismatch
            ? $"Snapshot mismatch for {file.Name}.{Environment.NewLine}{mismatch.Diff}Received: {file.ReceivedPath}{Environment.NewLine}{how}"
            : $"No verified snapshot exists yet at {file.VerifiedPath}.{Environment.NewLine}Received: {file.ReceivedPath}{Environment.NewLine}{how}";
    }
}
