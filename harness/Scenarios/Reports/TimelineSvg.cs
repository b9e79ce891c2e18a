using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Heimnetz.Harness.Scenarios.Cells;
using static Heimnetz.Harness.Scenarios.Reports.Html;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// Draws a failover timeline as inline SVG: the cache mode over time as a step line (redis up, memory down), and call
/// latency per second when the timings carry a series (keys <c>p99Ms@&lt;seconds&gt;</c>, seconds since the first transition):
/// the cache calls watch made in the app, and beside them HTTP <c>GET /cache/{key}</c> through the sample service as a
/// client container timed it (keys <c>httpP99Ms@&lt;seconds&gt;</c>).
/// </summary>
internal static partial class TimelineSvg
{
    private const int Width = 760;
    private const int Left = 70;
    private const int Right = 20;
    private const int ModeTop = 30;
    private const int ModeHeight = 70;
    private const int LatencyTop = 140;
    private const int LatencyHeight = 90;

    /// <summary>True when the cell has something to draw: mode transitions or a latency series.</summary>
    public static bool HasTimeline(CellResult cell) => cell.Transitions.Count > 0 || LatencySeries(cell, WatchSeries).Count > 0;

    public static string Render(CellResult cell)
    {
        var origin = cell.Transitions.Count > 0 ? cell.Transitions[0].At.AddSeconds(-1) : DateTimeOffset.MinValue;
        var steps = cell.Transitions.Select(t => (Seconds: (t.At - origin).TotalSeconds, t.From, t.To, t.Reason)).ToList();
        var shift = cell.Transitions.Count > 0 ? 1 : 0;
        var latency = LatencySeries(cell, WatchSeries).Select(point => (Seconds: point.Seconds + shift, point.Ms)).ToList();
        var http = LatencySeries(cell, HttpSeries).Select(point => (Seconds: point.Seconds + shift, point.Ms)).ToList();
        var end = Math.Max(steps.Count > 0 ? steps[^1].Seconds + 2 : 1, Math.Max(latency.Count > 0 ? latency[^1].Seconds + 1 : 1, http.Count > 0 ? http[^1].Seconds + 1 : 1));
        double X(double seconds) => Left + (seconds / end * (Width - Left - Right));

        var svg = new StringBuilder();
        var height = latency.Count > 0 ? LatencyTop + LatencyHeight + 30 : ModeTop + ModeHeight + 40;
        svg.Append(Inv, $"<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(Inv, $"<title>{E(cell.Scenario)} on {E(cell.Server)}: cache mode over time</title>");
        var redisY = ModeTop + 10;
        var memoryY = ModeTop + ModeHeight - 10;
        svg.Append(Inv, $"<text class=\"axis\" x=\"8\" y=\"{redisY + 4}\">redis</text><text class=\"axis\" x=\"8\" y=\"{memoryY + 4}\">memory</text>");
        svg.Append(Inv, $"<line class=\"grid\" x1=\"{Left}\" y1=\"{ModeTop + ModeHeight}\" x2=\"{Width - Right}\" y2=\"{ModeTop + ModeHeight}\"/>");

        if (steps.Count > 0)
        {
            double Y(string mode) => mode == "redis" ? redisY : memoryY;
            var points = new List<string> { $"{N(X(0))},{N(Y(steps[0].From))}" };
            foreach (var step in steps)
            {
                points.Add($"{N(X(step.Seconds))},{N(Y(step.From))}");
                points.Add($"{N(X(step.Seconds))},{N(Y(step.To))}");
            }

            points.Add($"{N(X(end))},{N(Y(steps[^1].To))}");
            svg.Append(Inv, $"<polyline class=\"mode\" points=\"{string.Join(' ', points)}\"/>");
            foreach (var step in steps)
            {
                svg.Append(Inv, $"<circle class=\"transition {E(step.To)}\" cx=\"{N(X(step.Seconds))}\" cy=\"{N(Y(step.To))}\" r=\"4\"><title>{E(step.From)}→{E(step.To)} at +{N(step.Seconds)} s: {E(step.Reason)}</title></circle>");
            }
        }

        for (var s = 0; s <= (int)end; s++)
        {
            svg.Append(Inv, $"<text class=\"axis\" x=\"{N(X(s) - 4)}\" y=\"{ModeTop + ModeHeight + 14}\">{s}s</text>");
        }

        if (latency.Count > 0)
        {
            var max = Math.Max(latency.Concat(http).Max(point => point.Ms), 0.001);
            double Ly(double ms) => LatencyTop + LatencyHeight - (ms / max * LatencyHeight);
            svg.Append(Inv, $"<text class=\"axis\" x=\"8\" y=\"{LatencyTop + 4}\">{N(max)} ms</text><text class=\"axis\" x=\"8\" y=\"{LatencyTop + LatencyHeight}\">0 ms</text>");
            svg.Append(Inv, $"<line class=\"grid\" x1=\"{Left}\" y1=\"{LatencyTop + LatencyHeight}\" x2=\"{Width - Right}\" y2=\"{LatencyTop + LatencyHeight}\"/>");
            svg.Append(Inv, $"<polyline class=\"latency\" points=\"{string.Join(' ', latency.Select(point => $"{N(X(point.Seconds))},{N(Ly(point.Ms))}"))}\"/>");
            if (http.Count > 0)
            {
                svg.Append(Inv, $"<polyline class=\"http\" points=\"{string.Join(' ', http.Select(point => $"{N(X(point.Seconds))},{N(Ly(point.Ms))}"))}\"/>");
            }

            svg.Append(Inv, $"<text class=\"axis\" x=\"{Left}\" y=\"{LatencyTop - 8}\">p99 latency per second: cache calls in the app{(http.Count > 0 ? "; HTTP GET through the service (dashed)" : string.Empty)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private const string WatchSeries = "p99Ms";
    private const string HttpSeries = "httpP99Ms";

    private static List<(double Seconds, double Ms)> LatencySeries(CellResult cell, string series) =>
        cell.Timings
            .Select(pair => (Match: SeriesKey().Match(pair.Key), pair.Value))
            .Where(item => item.Match.Success && item.Match.Groups["series"].Value == series)
            .Select(item => (double.Parse(item.Match.Groups["seconds"].Value, CultureInfo.InvariantCulture), item.Value))
            .OrderBy(point => point.Item1)
            .ToList();

    [GeneratedRegex(@"^(?<series>p99Ms|httpP99Ms)@(?<seconds>\d+(?:\.\d+)?)$")]
    private static partial Regex SeriesKey();
}
