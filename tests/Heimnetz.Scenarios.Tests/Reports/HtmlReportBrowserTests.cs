using System.Text.RegularExpressions;
using Heimnetz.Harness.Fixtures;
using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Reports;

namespace Heimnetz.Scenarios.Tests.Reports;

/// <summary>
/// The report as a person sees it: rendered by a real headless chromium from disk, with its script run, every cell in
/// the DOM, the problem cells flagged, no console error, and a screenshot kept under artifacts/matrix for a look.
/// </summary>
/// <remarks>
/// The synthetic run has five cells that need attention, counted by hand: bridge-service-name on redis-8.0 passed but its
/// doctor column is not the approved one (the red run that the old page called "0 need attention"), failover-stop on
/// redis-7.0 gave its approved row in 2 of 3 runs, host-gateway-alias on redis-8.0 was skipped, slow-peer on valkey-8.1
/// violated an invariant and isolated on redis-7.0 failed.
/// </remarks>
[TestFixture]
[Category(Chromium.Category)]
public sealed partial class HtmlReportBrowserTests
{
    private string binary = string.Empty;
    private DirectoryInfo directory = null!;
    private IReadOnlyList<CellResult> cells = [];
    private const int NeedAttention = 5;
    private const string DifferingDoctor = "broken: service-name-unresolved, peer-timeout, cache-memory-mode";
    private string page = string.Empty;

    [OneTimeSetUp]
    public void WriteReport()
    {
        binary = Chromium.Require();
        directory = Directory.CreateTempSubdirectory("heimnetz-report-");
        var approvedCells = SyntheticCells.All();
        cells = approvedCells.Select(cell => (cell.Scenario, cell.Server) switch
        {
            ("bridge-service-name", "redis-8.0") => cell with { Row = cell.Row with { Doctor = DifferingDoctor } },
            ("failover-stop", "redis-7.0") => cell with { Agreement = new CellAgreement(2, 3), Disagreements = [new DisagreeingRun(2, ScenarioStatus.Passed, cell.Row with { Cache = "redis→memory" })] },
            ("failover-stop", _) => cell with { Agreement = new CellAgreement(3, 3) },
            _ => cell,
        }).ToList();

        // Every row approved as the synthetic run gave it, before the one differing doctor column was put in.
        var approved = ApprovedRows.Parse(SyntheticCells.Servers.ToDictionary(
            server => server,
            server => ResolutionMatrix.ToMarkdown(approvedCells.Where(cell => cell.Server == server).Select(cell => cell.Row))));
        var snapshots = new[]
        {
            new SnapshotComparison("redis-7.0", Matches: true, Complete: true, null, null, false, "matches the approved matrix"),
            new SnapshotComparison("redis-8.0", Matches: false, Complete: true, "--- a\n+++ b\n@@ -1,1 +1,1 @@\n-| bridge-service-name | healthy |\n+| bridge-service-name | broken |\n", null, false, "differs"),
        };
        page = Path.Combine(directory.FullName, "report.html");
        File.WriteAllText(page, HtmlReport.Render(MatrixOutcome.Judge(cells, snapshots, approved), new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero)));
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
    public async Task Render_PassedCellWithAnotherRow_IsFlaggedCountedAndShowsItsDiff()
    {
        var (exitCode, dom, stderr) = await Chromium.RunAsync(binary, page, "--dump-dom", "--virtual-time-budget=2000");

        var gridCell = Element(dom, "td", "data-cell=\"bridge-service-name/redis-8.0\"");
        var detail = DetailOf(dom, "bridge-service-name/redis-8.0");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, stderr);
            Assert.That(gridCell, Does.Contain("data-problem=\"true\"").And.Contain("differs"), "the differing cell is not flagged in the grid");
            Assert.That(Regex.Match(dom, "<span id=\"verdict\"[^>]*>([^<]*)<").Groups[1].Value, Does.StartWith($"{NeedAttention} of {cells.Count} cells need attention").And.Contain("bridge-service-name on redis-8.0 differs"));
            Assert.That(dom, Does.Contain($">{NeedAttention} need attention<"), "the summary does not count the problem cells");
            Assert.That(dom, Does.Contain($"{cells.Count} cells rendered, {NeedAttention} need attention."), "the script counts another number of problems");
            Assert.That(detail, Does.Contain("<td class=\"approved\">healthy</td>").And.Contain($"<td class=\"actual\">{DifferingDoctor}</td>"), "the detail does not show the difference from the approved row");
            Assert.That(detail, Does.Contain(" open"), "a problem's detail should be unfolded");
        });
    }

    [Test]
    public async Task Render_UnstableCell_ShowsItsAgreementInTheStabilityColumn()
    {
        var (exitCode, dom, stderr) = await Chromium.RunAsync(binary, page, "--dump-dom", "--virtual-time-budget=2000");

        var row = Regex.Match(dom, "<tr [^>]*data-scenario=\"failover-stop\"[^>]*>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, stderr);
            Assert.That(Element(dom, "td", "data-cell=\"failover-stop/redis-7.0\""), Does.Contain("data-state=\"unstable\"").And.Contain("data-problem=\"true\""));
            Assert.That(row, Does.Contain("<td class=\"stability bad\">8/9</td>"), "the stability column should add up 2/3, 3/3 and 3/3");
        });
    }

    [Test]
    public async Task Render_OnlyProblemsFilter_ShowsEveryProblemRowAndHidesTheGreenOnes()
    {
        var filtered = new UriBuilder(new Uri(page)) { Query = "filter=problems" }.Uri;

        var (exitCode, dom, stderr) = await Chromium.RunAsync(binary, filtered, "--dump-dom", "--virtual-time-budget=2000");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, stderr);
            Assert.That(dom, Does.Contain("data-filter=\"problems\""), "the filter did not apply");
            foreach (var scenario in new[] { "bridge-service-name", "failover-stop", "host-gateway-alias", "slow-peer", "isolated" })
            {
                Assert.That(Element(dom, "tr", $"data-scenario=\"{scenario}\""), Does.Not.Contain("hidden"), $"{scenario} has a problem and must stay visible");
            }

            Assert.That(Element(dom, "tr", "data-scenario=\"port-conflict\""), Does.Contain("hidden"), "a row without problems must be hidden");
            Assert.That(DetailOf(dom, "bridge-service-name/redis-8.0"), Does.Not.Contain("hidden"));
            Assert.That(DetailOf(dom, "bridge-service-name/redis-7.0"), Does.Contain("hidden"));
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

    /// <summary>The opening tag of the first <paramref name="tag"/> element carrying <paramref name="attribute"/>.</summary>
    private static string Element(string dom, string tag, string attribute)
    {
        var match = Regex.Match(dom, $"<{tag} [^>]*{Regex.Escape(attribute)}[^>]*>");
        Assert.That(match.Success, Is.True, $"no <{tag}> with {attribute}");
        return match.Value;
    }

    /// <summary>A cell's whole detail element, from its opening tag to its end.</summary>
    private static string DetailOf(string dom, string cell)
    {
        var match = Regex.Match(dom, $"<details [^>]*data-cell=\"{Regex.Escape(cell)}\"[^>]*>.*?</details>", RegexOptions.Singleline);
        Assert.That(match.Success, Is.True, $"no detail for {cell}");
        return match.Value;
    }

    // Chromium logs every page console message as an INFO:CONSOLE line without its level, so any console output counts:
    // the report logs nothing when all is well. Uncaught exceptions appear as "Uncaught ..." in those lines.
    [GeneratedRegex(@":CONSOLE[:(]|Uncaught")]
    private static partial Regex ConsoleError();
}
