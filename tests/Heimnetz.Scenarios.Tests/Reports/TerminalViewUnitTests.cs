using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Scenarios;
using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Reports;
using Spectre.Console;

namespace Heimnetz.Scenarios.Tests.Reports;

/// <summary>The plain console (CI, redirected output): one escape-free line per finished cell with the counts and the reason.</summary>
public sealed class TerminalViewUnitTests
{
    [Test]
    public void Line_PlainConsole_NamesTheCellTheCountsAndWhyItNeedsAttention()
    {
        // Given a finished run whose row is not the approved one
        using var output = new StringWriter();
        var view = new TerminalView(TerminalView.CreateConsole(interactive: false, output), interactive: false);
        var result = new ScenarioResult(Catalog.Find("isolated"), LogicalImage.Redis80.Name, ScenarioStatus.Skipped, TimeSpan.FromSeconds(2)) { SkipReason = "host port 6379 is busy" };
        var approved = ApprovedRows.Parse(new Dictionary<string, string>
        {
            [LogicalImage.Redis80.Name] = ResolutionMatrix.ToMarkdown([CellResult.From(result with { SkipReason = "approved reason" }).Row]),
        });

        // When
        var line = view.Line(new CellFinishedEventArgs(result, 3, 12, TimeSpan.FromSeconds(30)) { Round = 1, Rounds = 2 }, approved, withCounts: true);

        // Then
        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Contain("isolated on redis-8.0").And.Contain("run 1/2").And.Contain("3/12 done, 1 need attention, ETA 01:30"));
            Assert.That(line, Does.Contain("host port 6379 is busy"));
        });
    }

    [Test]
    public void CreateConsole_NotInteractive_WritesNoEscapeCodes()
    {
        using var output = new StringWriter();
        var console = TerminalView.CreateConsole(interactive: false, output);

        console.MarkupLine("[red]✗ failed[/] isolated on redis-7.0");

        Assert.That(output.ToString(), Is.EqualTo("✗ failed isolated on redis-7.0" + Environment.NewLine));
    }
}
