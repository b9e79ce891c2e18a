using System.Globalization;
using Heimnetz.Harness.Fixtures.Nodes;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>
/// The failover figures of HTTP traffic through the sample service: latency of <c>GET /cache/{key}</c> while Redis was
/// away (from the fault until the service was back on Redis), the failures, and a p99 per second for the timeline.
/// Timings go to timings.json and the report, never into the snapshot; nothing here is asserted.
/// </summary>
public static class TrafficFigures
{
    public static IReadOnlyDictionary<string, double> From(TrafficRun traffic, DateTimeOffset faultAt, DateTimeOffset outageEnd, DateTimeOffset origin)
    {
        var figures = new Dictionary<string, double>
        {
            ["httpRequests"] = traffic.Requests.Count,
            ["http5xx"] = traffic.Requests.Count(request => request.IsServerError),
            ["httpConnectionErrors"] = traffic.Requests.Count(request => request.IsConnectionError),
        };
        var outage = traffic.Requests.Where(request => request.At >= faultAt && request.At <= outageEnd).Select(request => request.Milliseconds).Order().ToList();
        figures["httpOutageRequests"] = outage.Count;
        if (outage.Count > 0)
        {
            figures["httpOutageP50Ms"] = Math.Round(Percentile(outage, 0.50), 2);
            figures["httpOutageP99Ms"] = Math.Round(Percentile(outage, 0.99), 2);
            figures["httpOutageMaxMs"] = Math.Round(outage[^1], 2);
        }

        // One point per second since the timeline's origin (keys httpP99Ms@<seconds>), drawn beside watch's p99.
        foreach (var second in traffic.Requests.Where(request => request.At >= origin).GroupBy(request => Math.Floor((request.At - origin).TotalSeconds)))
        {
            var sorted = second.Select(request => request.Milliseconds).Order().ToList();
            figures[string.Create(CultureInfo.InvariantCulture, $"httpP99Ms@{second.Key:0.0}")] = Math.Round(Percentile(sorted, 0.99), 2);
        }

        return figures;
    }

    /// <summary>Nearest-rank percentile of sorted values (with fewer than 100 values, p99 is the maximum; httpOutageRequests says how many).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
