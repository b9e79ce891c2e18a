namespace Heimnetz.Harness.Fixtures.Snapshots;

/// <summary>
/// The one place that decides what a received text means against its verified snapshot and acts on it: compare on
/// content (line endings normalised), remove a stale received file on a match, accept only when asked and never on CI,
/// otherwise write the received file beside the verified one. It reports; callers decide whether that fails a test.
/// </summary>
/// <param name="settings">Whether accepting is asked for and whether this is CI.</param>
/// <param name="absentName">What a diff calls the verified side when there is no verified snapshot yet.</param>
public sealed class SnapshotDecision(SnapshotSettings settings, string absentName = "(no verified snapshot)")
{
    /// <summary>The verified text with normalised line endings, or null when there is no verified snapshot yet.</summary>
    public static async Task<string?> ReadVerifiedAsync(SnapshotFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return File.Exists(file.VerifiedPath)
            ? Normalize(await File.ReadAllTextAsync(file.VerifiedPath, cancellationToken).ConfigureAwait(false))
            : null;
    }

    /// <summary>Compares <paramref name="received"/> with the whole verified snapshot read from disk.</summary>
    public async Task<SnapshotOutcome> DecideAsync(SnapshotFile file, string received, CancellationToken cancellationToken = default)
    {
        var verified = await ReadVerifiedAsync(file, cancellationToken).ConfigureAwait(false);
        return await DecideAsync(file, verified, received, part: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Compares <paramref name="received"/> with <paramref name="part"/> of the verified text when given (a run that
    /// covered only some of it), else with all of <paramref name="verified"/> (as read by <see cref="ReadVerifiedAsync"/>).
    /// </summary>
    public async Task<SnapshotOutcome> DecideAsync(SnapshotFile file, string? verified, string received, string? part, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(received);
        if (part is not null && verified is null)
        {
            throw new ArgumentException($"A part of the verified snapshot was given for {file.VerifiedPath}, but no verified text it could be part of.", nameof(part));
        }

        received = Normalize(received);
        var expected = part ?? verified;
        expected = expected is null ? null : Normalize(expected);
        if (expected == received)
        {
            File.Delete(file.ReceivedPath);
            return new SnapshotOutcome.Matched();
        }

        var diff = UnifiedDiff.Render(expected ?? string.Empty, received, expected is null ? absentName : Path.GetFileName(file.VerifiedPath), Path.GetFileName(file.ReceivedPath));

        // Accepting or writing a received file from a part would drop the rows the run did not cover.
        if (part is not null)
        {
            return new SnapshotOutcome.Mismatched(diff, ReceivedPath: null);
        }

        if (settings.AcceptChanges && !settings.IsContinuousIntegration)
        {
            Directory.CreateDirectory(file.Directory);
            await File.WriteAllTextAsync(file.VerifiedPath, received, cancellationToken).ConfigureAwait(false);
            File.Delete(file.ReceivedPath);
            return new SnapshotOutcome.Accepted(diff);
        }

        await File.WriteAllTextAsync(file.ReceivedPath, received, cancellationToken).ConfigureAwait(false);
        return expected is null
            ? new SnapshotOutcome.New(diff, file.ReceivedPath)
            : new SnapshotOutcome.Mismatched(diff, file.ReceivedPath);
    }

    // Line endings differ by checkout; snapshots compare on content.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
