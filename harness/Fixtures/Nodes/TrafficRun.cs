using System.Globalization;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>Every request a <see cref="TrafficNode"/> sent: when its batch started, its HTTP status (0: no response) and its duration.</summary>
public sealed record TrafficRun(IReadOnlyList<TrafficRequest> Requests)
{
    /// <summary>
    /// Reads the client's output: lines <c>at &lt;unix ms&gt;</c> start a batch, lines <c>&lt;status&gt; &lt;seconds&gt;</c> are
    /// its requests in order; each request's time is its batch's start plus the requests before it.
    /// </summary>
    public static TrafficRun Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var requests = new List<TrafficRequest>();
        var at = DateTimeOffset.MinValue;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ');
            if (fields is ["at", var millis])
            {
                at = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(millis, CultureInfo.InvariantCulture));
            }
            else if (fields.Length == 2 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                && double.TryParse(fields[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            {
                // curl prints microseconds as seconds; rounding keeps 2.001 s from turning into 2000.999 ms.
                var milliseconds = Math.Round(seconds * 1000, 3);
                requests.Add(new TrafficRequest(at, status, milliseconds));
                at = at.AddMilliseconds(milliseconds);
            }
            else
            {
                throw new FormatException($"Unexpected traffic line '{line}'; expected 'at <unix ms>' or '<status> <seconds>'.");
            }
        }

        return new TrafficRun(requests);
    }
}

/// <summary>One request: when it was sent, its HTTP status (0 when no response came) and how long it took in milliseconds.</summary>
public sealed record TrafficRequest(DateTimeOffset At, int Status, double Milliseconds)
{
    public bool IsServerError => Status >= 500;

    public bool IsConnectionError => Status == 0;
}
