using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Heimnetz.Harness.Fixtures.LocalRedis;

namespace Heimnetz.Benchmarks.Failover;

/// <summary>
/// The same load against a real redis-server while it is stopped and restarted, and while it is paused and resumed,
/// once per client; measures time to switch, call latency during the outage and time to return. Not BenchmarkDotNet:
/// the interesting figures are one-off events in time, not the mean of a repeated operation.
/// </summary>
internal static class FailoverHarness
{
    public const string Stopped = "stopped";
    public const string BlackHoled = "black-holed";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(FailoverSettings settings, string outputPath)
    {
        Console.WriteLine($"failover: {settings.Describe()}");
        var results = new List<FailoverResult>();
        foreach (var scenario in new[] { Stopped, BlackHoled })
        {
            foreach (var client in FailoverClient.Names)
            {
                var result = await RunOnceAsync(client, scenario, settings);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {scenario,-12} {client,-20} switch {Ms(result.SwitchMs),9}  outage p50 {result.Outage.P50Ms,8:0.0} p99 {result.Outage.P99Ms,8:0.0} max {result.Outage.MaxMs,8:0.0} ms, {result.Outage.Errors}/{result.Outage.Calls} threw  return {Ms(result.ReturnMs),9}  {result.Note}"));
                results.Add(result);
            }
        }

        var run = new FailoverRun(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), settings.Describe(), results);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        await File.WriteAllTextAsync(outputPath, JsonSerializer.Serialize(run, Json));
        Console.WriteLine($"failover: wrote {outputPath}");
        return 0;
    }

    private static string Ms(double? value) => value is { } ms ? ms.ToString("0.0' ms'", CultureInfo.InvariantCulture) : "never";

    private static async Task<FailoverResult> RunOnceAsync(string clientName, string scenario, FailoverSettings settings)
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var client = await FailoverClient.CreateAsync(clientName, server);
        var calls = new ConcurrentQueue<(long Start, long End, bool Ok)>();
        using var stop = new CancellationTokenSource();
        var payload = new byte[100];
        var inFlight = 0;

        async Task CallerAsync(int caller)
        {
            var key = $"bench:failover:{caller}";
            while (!stop.IsCancellationRequested)
            {
                await MeasureAsync(() => client.SetAsync(key, payload));
                await MeasureAsync(() => client.GetAsync(key));
                try
                {
                    await Task.Delay(settings.Interval, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        async Task MeasureAsync(Func<Task> call)
        {
            Interlocked.Increment(ref inFlight);
            var start = Stopwatch.GetTimestamp();
            var ok = true;
            try
            {
                await call();
            }
#pragma warning disable CA1031 // Every failure a caller would see is what this harness counts.
            catch (Exception)
#pragma warning restore CA1031
            {
                ok = false;
            }

            calls.Enqueue((start, Stopwatch.GetTimestamp(), ok));
            Interlocked.Decrement(ref inFlight);
        }

        var callers = Enumerable.Range(0, settings.Callers).Select(caller => Task.Run(() => CallerAsync(caller))).ToArray();
        await Task.Delay(settings.Warmup);

        var faultAt = Stopwatch.GetTimestamp();
        if (scenario == Stopped)
        {
            await server.KillAsync();
        }
        else
        {
            server.Pause();
        }

        await Task.Delay(settings.Outage);
        if (scenario == Stopped)
        {
            await server.RestartAsync();
        }
        else
        {
            server.Resume();
        }

        // Redis answers from here: a restarted server accepts connections, a resumed one reads what waited.
        var restoredAt = Stopwatch.GetTimestamp();
        double? returnMs = null;
        var waiting = Stopwatch.StartNew();
        while (returnMs is null && waiting.Elapsed < settings.ReturnLimit)
        {
            await Task.Delay(10);
            returnMs = ReturnMs(client, calls, restoredAt);
        }

        // Keep the load on a little longer so the first calls after the return are part of the record.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await stop.CancelAsync();
        await Task.WhenAny(Task.WhenAll(callers), Task.Delay(settings.Drain));
        var unfinished = Volatile.Read(ref inFlight);
        returnMs ??= ReturnMs(client, calls, restoredAt);

        var records = calls.Select(call => new CallRecord(Since(faultAt, call.Start), Since(faultAt, call.End), call.Ok)).ToArray();
        var outageMs = Since(faultAt, restoredAt);
        // The first 200 ms warm the connections and the JIT; what follows, up to the fault, is the healthy baseline.
        var steady = records.Where(call => call.EndMs < 0 && call.StartMs >= -settings.Warmup.TotalMilliseconds + 200).ToArray();
        // Every call that overlapped the outage, including those already waiting for a reply when the fault hit.
        var outage = records.Where(call => call.EndMs >= 0 && call.StartMs < outageMs).ToArray();
        var note = unfinished > 0 ? $"{unfinished} call(s) still running after the {settings.Drain.TotalSeconds:0} s drain" : string.Empty;
        return new FailoverResult(clientName, scenario, SwitchMs(client, records, faultAt), returnMs, CallStats.Of(steady), CallStats.Of(outage), unfinished, note);
    }

    private static double? SwitchMs(FailoverClient client, CallRecord[] records, long faultAt)
    {
        if (client.Name == FailoverClient.HeimnetzName)
        {
            var switched = client.Switches.FirstOrDefault(change => !change.ToRedis && change.Timestamp >= faultAt);
            return switched == default ? null : Since(faultAt, switched.Timestamp);
        }

        var failures = records.Where(call => !call.Succeeded && call.EndMs >= 0).Select(call => call.EndMs).ToArray();
        return failures.Length == 0 ? null : failures.Min();
    }

    private static double? ReturnMs(FailoverClient client, ConcurrentQueue<(long Start, long End, bool Ok)> calls, long restoredAt)
    {
        if (client.Name == FailoverClient.HeimnetzName)
        {
            var back = client.Switches.FirstOrDefault(change => change.ToRedis && change.Timestamp >= restoredAt);
            return back == default ? null : Since(restoredAt, back.Timestamp);
        }

        var successes = calls.Where(call => call.Ok && call.End >= restoredAt).Select(call => call.End).ToArray();
        return successes.Length == 0 ? null : Since(restoredAt, successes.Min());
    }

    private static double Since(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
