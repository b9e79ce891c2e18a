using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Reports;

namespace Heimnetz.Scenarios.Tests.Reports;

/// <summary>A cell is judged against its own approved row: a passed cell with another row is a problem, not a pass.</summary>
public sealed class CellVerdictUnitTests
{
    private static readonly CellResult Cell = SyntheticCells.Passed("host-gateway-alias", "redis-8.0");

    [Test]
    public void Of_PassedWithTheApprovedRow_Passes()
    {
        var verdict = CellVerdict.Of(Cell, Approve(Cell.Row));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.State, Is.EqualTo(CellState.Passed));
            Assert.That(verdict.NeedsAttention, Is.False);
        });
    }

    [Test]
    public void Of_PassedWithAnotherDoctorColumn_DiffersAndNamesTheColumn()
    {
        var approvedRow = Cell.Row with { Doctor = "healthy" };
        var cell = Cell with { Row = Cell.Row with { Doctor = "broken: service-name-unresolved, peer-timeout" } };

        var verdict = CellVerdict.Of(cell, Approve(approvedRow));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.State, Is.EqualTo(CellState.Differs));
            Assert.That(verdict.NeedsAttention, Is.True);
            Assert.That(verdict.Differences, Is.EqualTo(new[] { new ColumnDifference("doctor", "healthy", "broken: service-name-unresolved, peer-timeout") }));
            Assert.That(verdict.Reason, Does.Contain("doctor 'broken: service-name-unresolved, peer-timeout' (approved 'healthy')"));
        });
    }

    [Test]
    public void Of_NoApprovedRow_IsUnapproved()
    {
        var verdict = CellVerdict.Of(Cell, Approve(SyntheticCells.Row("isolated", "redis-8.0", "ok")));

        Assert.That(verdict.State, Is.EqualTo(CellState.Unapproved));
    }

    [Test]
    public void Of_SomeRunsDisagreed_IsUnstableEvenWhenThisRowMatches()
    {
        var cell = Cell with { Agreement = new CellAgreement(2, 3) };

        var verdict = CellVerdict.Of(cell, Approve(Cell.Row));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.State, Is.EqualTo(CellState.Unstable));
            Assert.That(verdict.Reason, Does.StartWith("2/3 runs gave the approved row"));
        });
    }

    [Test]
    public void IsGreen_OneCellDiffersWhileItsFlavourFileMatches_IsRed()
    {
        var approved = Approve(Cell.Row with { Doctor = "healthy" });
        var cell = Cell with { Row = Cell.Row with { Doctor = "broken: cache-memory-mode" } };
        var matching = new SnapshotComparison("redis-8.0", Matches: true, Complete: false, null, null, false, "1 of 13 approved rows compared; they match");

        var outcome = MatrixOutcome.Judge([cell], [matching], approved);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.IsGreen, Is.False);
            Assert.That(outcome.Problems.Select(verdict => verdict.Cell), Is.EqualTo(new[] { cell }));
        });
    }

    private static ApprovedRows Approve(MatrixRow row) =>
        ApprovedRows.Parse(new Dictionary<string, string> { [row.Server] = ResolutionMatrix.ToMarkdown([row]) });
}
