using System.Text.RegularExpressions;
using Heimnetz.Harness.Scenarios.Reports;

namespace Heimnetz.Scenarios.Tests.Reports;

/// <summary>The failover timeline in the report carries the HTTP traffic through the sample service beside watch's calls.</summary>
public sealed partial class TimelineUnitTests
{
    [Test]
    public void Render_FailoverWithHttpSeries_DrawsTheHttpLineAndListsTheOutagePercentile()
    {
        var cells = SyntheticCells.All();
        var snapshots = new[] { new SnapshotComparison("redis-7.0", Matches: true, Complete: true, null, null, false, "matches the approved matrix") };

        var html = HtmlReport.Render(MatrixOutcome.Judge(cells, snapshots, ApprovedRows.None), new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

        var timeline = FailoverBlock().Match(html).Value;
        var http = HttpLine().Match(timeline);
        Assert.Multiple(() =>
        {
            Assert.That(http.Success, Is.True, "no HTTP latency line in the failover-stop timeline");
            Assert.That(http.Groups["points"].Value.Split(' '), Has.Length.EqualTo(3), "one point per httpP99Ms@<second> key");
            Assert.That(timeline, Does.Contain("httpOutageP99Ms 41.5"));
            Assert.That(timeline, Does.Not.Contain("httpP99Ms@"), "the series is drawn, not listed");
        });
    }

    [GeneratedRegex("<div class=\"failover\" data-cell=\"failover-stop/redis-7.0\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex FailoverBlock();

    [GeneratedRegex("<polyline class=\"http\" points=\"(?<points>[^\"]*)\"")]
    private static partial Regex HttpLine();
}
