using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Snapshots;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Reports;

namespace Heimnetz.Scenarios.Tests.Matrix;

/// <summary>
/// The whole resolution behaviour in one snapshot: a changed row is a changed behaviour, reviewed like code. The approved
/// file is the one the Cake Matrix target compares with (harness/Scenarios/Approved), so a change is approved once.
/// </summary>
[TestFixture]
[Category(DockerRequirement.Category)]
public sealed class ResolutionMatrixTests
{
    [Test]
    public async Task Matrix_OnRedis70_MatchesSnapshot()
    {
        var rows = ResolutionMatrix.Rows(await MatrixRun.ResultsAsync());

        await new SnapshotVerifier(SnapshotSettings.FromEnvironment()).VerifyAsync(ApprovedMatrix.For(MatrixRun.Server.Name), ResolutionMatrix.ToMarkdown(rows));
    }
}
