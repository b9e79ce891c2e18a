using System.Text.RegularExpressions;
using Heimnetz.Harness.Fixtures;
using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Reports;

namespace Heimnetz.Scenarios.Tests.Reports;

/// <summary>
/// The report as a person sees it: rendered by a real headless chromium from disk, with its script run, every cell in
/// the DOM, no console error, and a screenshot kept under artifacts/matrix for a look.
/// </summary>
[TestFixture]
[Category(Chromium.Category)]
public sealed partial class HtmlReportBrowserTests
{
    private string binary = string.Empty;
    private DirectoryInfo directory = null!;
    private IReadOnlyList<CellResult> cells = [];
    private string page = string.Empty;

    [OneTimeSetUp]
    public void WriteReport()
    {
        binary = Chromium.Require();
        directory = Directory.CreateTempSubdirectory("heimnetz-report-");
        cells = SyntheticCells.All();
        var snapshots = new[]
        {
            new SnapshotComparison("redis-7.0", Matches: true, Complete: true, null, null, false, "matches the approved matrix"),
            new SnapshotComparison("valkey-8.1", Matches: false, Complete: true, "--- a\n+++ b\n@@ -1,1 +1,1 @@\n-| slow-peer | ok |\n+| slow-peer | violated |\n", null, false, "differs"),
        };
        page = Path.Combine(directory.FullName, "report.html");
        File.WriteAllText(page, HtmlReport.Render(cells, snapshots, new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [OneTimeTearDown]
    public void RemoveReport() => directory?.Delete(recursive: true);

    [Test]
    public async Task Render_InHeadlessChromium_ShowsEveryCellAndRunsItsScript()
    {
        var (exitCode, dom, stderr) = await Chromium.RunAsync(binary, page, "--dump-dom", "--virtual-time-budget=2000");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, stderr);
            Assert.That(dom, Does.Contain("data-rendered=\"true\""), "the report's script did not run");
            foreach (var cell in cells)
            {
                Assert.That(dom, Does.Contain($"data-cell=\"{cell.Scenario}/{cell.Server}\""), $"cell {cell.Scenario}/{cell.Server} is missing");
            }

            Assert.That(dom, Does.Contain($"{cells.Count} cells rendered"), "the script's summary is missing");
            Assert.That(dom, Does.Not.Contain("<script>alert(1)</script>"), "text from a result must be encoded");
        });
    }

    [Test]
    public async Task Render_InHeadlessChromium_LogsNoConsoleError()
    {
        var (exitCode, _, stderr) = await Chromium.RunAsync(binary, page, "--dump-dom", "--virtual-time-budget=2000");

        var errors = stderr.Split('\n').Where(line => ConsoleError().IsMatch(line)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, stderr);
            Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
        });
    }

    [Test]
    public async Task Screenshot_InHeadlessChromium_IsKeptAsArtifact()
    {
        var artifacts = Path.Combine(RepositoryRoot.Path, "artifacts", "matrix");
        Directory.CreateDirectory(artifacts);
        var screenshot = Path.Combine(artifacts, "report-synthetic.png");
        File.Delete(screenshot);

        var (exitCode, _, stderr) = await Chromium.RunAsync(binary, page, $"--screenshot={screenshot}", "--window-size=1400,1000", "--hide-scrollbars");

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(new FileInfo(screenshot), Has.Property(nameof(FileInfo.Length)).GreaterThan(10_000), "the screenshot is missing or blank");
    }

    [Test]
    public void Render_Always_ReferencesNoExternalUrl()
    {
        var html = File.ReadAllText(page);

        // The SVG namespace is an identifier, never fetched.
        var urls = Regex.Matches(html, @"(?:https?:)?//[\w.-]+").Select(match => match.Value).Where(url => url != "http://www.w3.org").ToList();
        Assert.That(urls, Is.Empty);
    }

    // Chromium logs every page console message as an INFO:CONSOLE line without its level, so any console output counts:
    // the report logs nothing when all is well. Uncaught exceptions appear as "Uncaught ..." in those lines.
    [GeneratedRegex(@":CONSOLE[:(]|Uncaught")]
    private static partial Regex ConsoleError();
}
