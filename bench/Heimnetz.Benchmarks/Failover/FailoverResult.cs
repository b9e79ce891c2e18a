namespace Heimnetz.Benchmarks.Failover;

/// <summary>Latency of a set of calls, in milliseconds (nearest-rank percentiles), and how many threw.</summary>
internal sealed record CallStats(int Calls, int Errors, double P50Ms, double P99Ms, double MaxMs)
{
    public static CallStats Of(IReadOnlyCollection<CallRecord> calls)
    {
        if (calls.Count == 0)
        {
            return new CallStats(0, 0, 0, 0, 0);
        }

        var sorted = calls.Select(call => call.DurationMs).Order().ToArray();
        return new CallStats(calls.Count, calls.Count(call => !call.Succeeded), Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>One cache call: when it started and ended relative to the fault (ms, negative before it), and whether it threw.</summary>
internal readonly record struct CallRecord(double StartMs, double EndMs, bool Succeeded)
{
    public double DurationMs => EndMs - StartMs;
}

/// <summary>What one client did through one fault.</summary>
/// <param name="Client">heimnetz, stackexchange-redis or rediscache.</param>
/// <param name="Scenario">stopped (kill, then restart on the same port) or black-holed (SIGSTOP, then SIGCONT).</param>
/// <param name="SwitchMs">Fault to failover: Heimnetz's switch to memory; for the others the end of the first call that threw. Null: never.</param>
/// <param name="ReturnMs">Redis answering again to the client being back: Heimnetz's switch to Redis; for the others the end of the first call that succeeded. Null: not within the limit.</param>
/// <param name="Steady">Calls during the warm-up, Redis healthy.</param>
/// <param name="Outage">Calls that overlapped the outage: in flight at the fault, or started before Redis answered again.</param>
/// <param name="Unfinished">Calls still running when the drain limit ran out.</param>
/// <param name="Note">Anything the figures alone would hide, or empty.</param>
internal sealed record FailoverResult(
    string Client,
    string Scenario,
    double? SwitchMs,
    double? ReturnMs,
    CallStats Steady,
    CallStats Outage,
    int Unfinished,
    string Note);

/// <summary>The file the failover verb writes and the report verb reads.</summary>
internal sealed record FailoverRun(string Date, string Settings, IReadOnlyList<FailoverResult> Results);
