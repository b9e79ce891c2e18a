namespace Heimnetz.Harness.Fixtures.Snapshots;

/// <summary>
/// How a snapshot mismatch is handled. Read once from the environment so tests of the verifier can pass their own.
/// </summary>
public sealed record SnapshotSettings(bool AcceptChanges, bool IsContinuousIntegration, bool LaunchDiffTool)
{
    /// <summary>Set to <c>true</c> to overwrite verified snapshots with what the test received (never honoured on CI).</summary>
    public const string AcceptVariable = "HEIMNETZ_ACCEPT_SNAPSHOTS";

    /// <summary>The settings of this process: accept only when asked, never on CI; a diff tool only on a developer's machine.</summary>
    public static SnapshotSettings FromEnvironment()
    {
        var isCi = IsTrue(Environment.GetEnvironmentVariable("CI"));
        return new SnapshotSettings(
            AcceptChanges: IsTrue(Environment.GetEnvironmentVariable(AcceptVariable)),
            IsContinuousIntegration: isCi,
            LaunchDiffTool: !isCi && !DiffEngine.DiffRunner.Disabled);
    }

    private static bool IsTrue(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
}
