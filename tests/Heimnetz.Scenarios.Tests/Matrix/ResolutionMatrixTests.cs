using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Snapshots;
using Heimnetz.Harness.Scenarios.Matrix;

namespace Heimnetz.Scenarios.Tests.Matrix;

/// <summary>The whole resolution behaviour in one snapshot: a changed row is a changed behaviour, reviewed like code.</summary>
[TestFixture]
[Category(DockerRequirement.Category)]
public sealed class ResolutionMatrixTests
{
    [Test]
    public async Task Matrix_OnRedis70_MatchesSnapshot()
    {
        var rows = ResolutionMatrix.Rows(await MatrixRun.ResultsAsync());

        await Verifier.Verify(ResolutionMatrix.ToMarkdown(rows), "md");
    }
}
