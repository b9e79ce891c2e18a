using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Heimnetz.Caching;
using Heimnetz.Configuration;
using Heimnetz.Discovery;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Probing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Cli.Commands;

/// <summary>
/// <c>heimnetz watch [--duration 10s] [--interval 10ms] [--endpoint host:port] [--config FILE] [--redis-url URL] [--json] [--verbose]</c>: drives the cache with Set+Get in a loop and
/// prints every mode transition and, once a second, the calls and their latency percentiles; the harness reads it to measure failover.
/// With <c>--verbose</c> the cache's and discovery's log goes to stderr, so a slow return shows why each attempt failed.
/// </summary>
internal static class WatchCommand
{
    /// <summary>The longest wait <see cref="Task.Delay(TimeSpan)"/> accepts (about 49 days); both options are waits.</summary>
    internal static readonly TimeSpan LongestDuration = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static Command Create(TextWriter stdout, TextWriter stderr, Func<IConfiguration> environment)
    {
        var duration = new Option<string>("--duration") { Description = "How long to run, e.g. 10s, 500ms, 2m.", DefaultValueFactory = _ => "10s" };
        var interval = new Option<string>("--interval") { Description = "Pause between Set+Get rounds, e.g. 10ms.", DefaultValueFactory = _ => "10ms" };
        var endpoint = new Option<string?>("--endpoint") { Description = "A fixed Redis as host:port (credentials from REDIS_USERNAME/REDIS_PASSWORD); without it, discovery finds Redis and finds it again after an outage." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per line: type \"transition\" or \"tick\"." };
        var verbose = new Option<bool>("--verbose") { Description = "Also print the cache's and discovery's log to stderr (debug level): why each recovery attempt failed, which Redis discovery chose." };
        var settings = new RedisSettingsOptions();
        var command = new Command("watch", "Run cache calls in a loop and report mode transitions and latency every second.") { duration, interval, endpoint, json, verbose };
        settings.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TimeSpan runFor, pause;
            RedisEndpoint? fixedEndpoint;
            try
            {
                runFor = ParseDuration(parseResult.GetValue(duration), "--duration");
                pause = ParseDuration(parseResult.GetValue(interval), "--interval");
                fixedEndpoint = parseResult.GetValue(endpoint) is { } text ? FixedRedisLocator.ParseEndpoint(text, "--endpoint") : null;
            }
            catch (FormatException exception)
            {
                await stderr.WriteLineAsync($"heimnetz watch: {exception.Message}").ConfigureAwait(false);
                return HeimnetzCli.BadUsage;
            }

            var (configuration, exit) = await settings.BuildAsync(parseResult, environment(), stderr).ConfigureAwait(false);
            if (configuration is null)
            {
                return exit;
            }

            var logLevel = parseResult.GetValue(verbose) ? LogLevel.Debug : LogLevel.None;
            IRedisLocator locator;
            try
            {
                // The same settings as probe and doctor: REDIS_USERNAME, REDIS_PASSWORD and the TLS CA reach a fixed endpoint too.
                var discoveryLog = new TextWriterLogger<ProbePipeline>(stderr, TimeProvider.System, logLevel);
                var pipeline = await ProbePipeline.PrepareAsync(Sysroot.Live, configuration, logger: discoveryLog, cancellationToken: cancellationToken).ConfigureAwait(false);
                locator = fixedEndpoint is null ? pipeline.CreateLocator() : pipeline.CreateFixedLocator(fixedEndpoint);
            }
            catch (HeimnetzConfigurationException exception)
            {
                await stderr.WriteLineAsync($"heimnetz watch: {exception.Message}{settings.Origin(parseResult)}").ConfigureAwait(false);
                return HeimnetzCli.BadConfiguration;
            }

            return await RunAsync(locator, runFor, pause, parseResult.GetValue(json), stdout, stderr, TimeProvider.System, logLevel, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>
    /// Parses <c>500ms</c>, <c>10s</c>, <c>2m</c> or <c>1h</c> up to <see cref="LongestDuration"/>; throws
    /// <see cref="FormatException"/> naming the value and the option.
    /// </summary>
    internal static TimeSpan ParseDuration(string? text, string option)
    {
        var value = text?.Trim() ?? string.Empty;
        (string Suffix, double Milliseconds)[] units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];
        foreach (var (suffix, milliseconds) in units)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(value[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                && amount > 0)
            {
                // Checked before converting: TimeSpan overflows (and Task.Delay refuses) long before a double does.
                var total = amount * milliseconds;
                if (total > LongestDuration.TotalMilliseconds)
                {
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The duration '{text}' for {option} is too long; expected at most {LongestDuration.TotalHours:0}h."));
                }

                return TimeSpan.FromMilliseconds(total);
            }
        }

        throw new FormatException($"The duration '{text}' for {option} is not valid; expected a positive number with a unit, e.g. 500ms, 10s, 2m or 1h.");
    }

    internal static async Task<int> RunAsync(IRedisLocator locator, TimeSpan runFor, TimeSpan pause, bool json, TextWriter stdout, TextWriter stderr, TimeProvider time, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var output = new Lock();
        void Emit(object line, string text)
        {
            lock (output)
            {
                stdout.WriteLine(json ? JsonSerializer.Serialize(line, JsonOptions) : text);
                stdout.Flush();
            }
        }

        try
        {
            var cache = new ResilientCache(locator, new HeimnetzCacheOptions(), time, new TextWriterLogger<ResilientCache>(stderr, time, logLevel));
            await using var disposeCache = cache.ConfigureAwait(false);
            cache.ModeChanged += (_, e) => Emit(
                new TransitionLine("transition", Iso(e.Timestamp), Name(e.OldMode), Name(e.NewMode), e.Reason, e.Endpoint),
                $"{Iso(e.Timestamp)} {Name(e.OldMode)} -> {Name(e.NewMode)} ({e.Endpoint}): {e.Reason}");

            var value = new byte[64];
            var entryOptions = new Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) };
            var samples = new List<double>();
            var errors = 0;
            var started = time.GetTimestamp();
            var tickStarted = started;
            while (time.GetElapsedTime(started) < runFor && !cancellationToken.IsCancellationRequested)
            {
                errors += await TimedAsync(() => cache.SetAsync("heimnetz:watch", value, entryOptions, cancellationToken), samples, time).ConfigureAwait(false);
                errors += await TimedAsync(() => cache.GetAsync("heimnetz:watch", cancellationToken), samples, time).ConfigureAwait(false);
                if (time.GetElapsedTime(tickStarted) >= TimeSpan.FromSeconds(1))
                {
                    EmitTick(Emit, cache.Mode, samples, errors, time);
                    samples.Clear();
                    errors = 0;
                    tickStarted = time.GetTimestamp();
                }

                try
                {
                    await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            if (samples.Count > 0)
            {
                EmitTick(Emit, cache.Mode, samples, errors, time);
            }

            return HeimnetzCli.Ok;
        }
#pragma warning disable CA1031 // The harness reads our exit code and stderr; nothing may escape as an unhandled crash.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"heimnetz watch: stopped by {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            return HeimnetzCli.Degraded;
        }
    }

    private static async Task<int> TimedAsync(Func<Task> call, List<double> samples, TimeProvider time)
    {
        var started = time.GetTimestamp();
        var failed = 0;
        try
        {
            await call().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Counting what escapes a cache call is the point of this command.
        catch (Exception)
#pragma warning restore CA1031
        {
            failed = 1;
        }

        samples.Add(time.GetElapsedTime(started).TotalMilliseconds);
        return failed;
    }

    private static void EmitTick(Action<object, string> emit, CacheMode mode, List<double> samples, int errors, TimeProvider time)
    {
        samples.Sort();
        var tick = new TickLine("tick", Iso(time.GetUtcNow()), Name(mode), samples.Count, Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Count == 0 ? 0 : samples[^1], errors);
        emit(tick, string.Create(CultureInfo.InvariantCulture, $"{tick.Timestamp} {tick.Mode}: {tick.Calls} calls, p50 {tick.P50Ms:0.###} ms, p99 {tick.P99Ms:0.###} ms, max {tick.MaxMs:0.###} ms, {tick.Errors} errors"));
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Name(CacheMode mode) => mode == CacheMode.Redis ? "redis" : "memory";

    private static string Iso(DateTimeOffset timestamp) => timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private sealed record TransitionLine(string Type, string Timestamp, string From, string To, string Reason, string? Endpoint);

    private sealed record TickLine(string Type, string Timestamp, string Mode, int Calls, double P50Ms, double P99Ms, double MaxMs, int Errors);
}
