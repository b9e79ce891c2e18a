using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Scenarios;
using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Reports;
using Heimnetz.Scenarios.Tests.Reports;

namespace Heimnetz.Scenarios.Tests.Cells;

/// <summary>--repeat: its value checked once, and a repeated cell's agreement with its approved row counted per run.</summary>
public sealed class RepeatUnitTests
{
    [TestCase("3", 3)]
    [TestCase("1", 1)]
    [TestCase("", 1)]
    [TestCase(null, 1)]
    public void Parse_PositiveOrAbsent_GivesTheCount(string? text, int expected) =>
        Assert.That(RepeatCount.Parse(text), Is.EqualTo(expected));

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("three")]
    [TestCase("1.5")]
    [TestCase("99999999999")]
    public void Parse_NotAPositiveInteger_NamesTheOptionAndTheValue(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => RepeatCount.Parse(text));

        Assert.That(error!.Message, Does.StartWith($"--repeat '{text}' is not a run count; expected a positive integer"));
    }

    [Test]
    public void From_TwoRunsOneDiffering_CountsOneOfTwoAndKeepsTheDifferingRun()
    {
        // Given two runs of one cell whose rows differ only in the verdict column, and the first run's row approved
        var scenario = Catalog.Find("isolated");
        var first = new ScenarioResult(scenario, LogicalImage.Redis70.Name, ScenarioStatus.Skipped, TimeSpan.FromSeconds(1)) { SkipReason = "host port 6379 is busy" };
        var second = first with { SkipReason = "host port 6380 is busy", WallTime = TimeSpan.FromSeconds(2) };
        var approved = Approve(CellResult.From(first).Row);

        // When
        var cell = CellResult.From([first, second], approved);

        // Then
        Assert.Multiple(() =>
        {
            Assert.That(cell.Agreement, Is.EqualTo(new CellAgreement(1, 2)));
            Assert.That(cell.Disagreements.Select(run => run.Run), Is.EqualTo(new[] { 2 }));
            Assert.That(cell.SkipReason, Is.EqualTo("host port 6380 is busy"), "the cell's detail is the run that disagreed");
            Assert.That(cell.RunWallMs, Is.EqualTo(new[] { 1000.0, 2000.0 }));
            Assert.That(CellVerdict.Of(cell, approved).State, Is.EqualTo(CellState.Unstable));
        });
    }

    [Test]
    public void From_NoApprovedRow_MeasuresNoAgreement()
    {
        var run = new ScenarioResult(Catalog.Find("isolated"), LogicalImage.Redis70.Name, ScenarioStatus.Skipped, TimeSpan.FromSeconds(1)) { SkipReason = "busy" };

        var cell = CellResult.From([run, run], ApprovedRows.None);

        Assert.That(cell.Agreement, Is.Null);
    }

    [Test]
    public void Serialize_Agreement_IsWrittenAsRunsAgreedOverRuns()
    {
        var cell = SyntheticCells.Passed("isolated", "redis-7.0") with { Agreement = new CellAgreement(2, 3) };

        var json = CellStore.Serialize(cell);

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("\"agreement\": \"2/3\""));
            Assert.That(CellStore.Deserialize(json)!.Agreement, Is.EqualTo(new CellAgreement(2, 3)));
        });
    }

    [Test]
    public void Deserialize_AgreementAboveItsRuns_IsRejectedWithTheValue()
    {
        var json = CellStore.Serialize(SyntheticCells.Passed("isolated", "redis-7.0") with { Agreement = new CellAgreement(1, 1) }).Replace("\"1/1\"", "\"4/3\"", StringComparison.Ordinal);

        var error = Assert.Throws<System.Text.Json.JsonException>(() => CellStore.Deserialize(json));

        Assert.That(error!.Message, Does.Contain("'4/3'"));
    }

    private static ApprovedRows Approve(MatrixRow row) =>
        ApprovedRows.Parse(new Dictionary<string, string> { [row.Server] = ResolutionMatrix.ToMarkdown([row]) });
}
