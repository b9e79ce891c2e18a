using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Probe;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>
/// The shared drill of the failover scenarios: app and Redis on one network, <c>heimnetz watch</c> running in the app
/// while a fault is applied to Redis and later undone. What differs is the fault.
/// </summary>
public abstract class FailoverDrill : Scenario
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan OnRedisPatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private const string WatchDuration = "20s";
    private const string WatchLog = "/tmp/heimnetz-watch.jsonl";

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Chosen("redis:6379"),
        Invariant.Transitions("redis", "memory", "redis"),
    ];

    /// <summary>Applies the fault to the Redis node.</summary>
    protected abstract Task BreakAsync(RedisNode redis, CancellationToken cancellationToken);

    /// <summary>Undoes the fault; returns when Redis can answer again.</summary>
    protected abstract Task RestoreAsync(RedisNode redis, CancellationToken cancellationToken);

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Step("create the network");
        var network = await context.Topology.AddNetworkAsync("app", cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Step("start Redis as 'redis'");
        var redis = await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.On(network, "redis")), cancellationToken).ConfigureAwait(false);
        context.Step("start the app");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.On(network, "app")), cancellationToken).ConfigureAwait(false);
        var before = await SituationDefaults.ObserveAsync(context, app, "user-defined", cancellationToken).ConfigureAwait(false);

        context.Step("run heimnetz watch in the app");
        // Through tee, so the harness can see when the cache is on Redis: a starved app (a CPU limit, a busy machine)
        // takes longer to start, and breaking Redis before it got there would test nothing.
        var watch = app.Container.ExecAsync(["bash", "-c", $"set -o pipefail; {ProbeArtifact.ContainerPath} watch --duration {WatchDuration} --interval 20ms --json | tee {WatchLog}"], cancellationToken);
        context.Step("wait until watch is on Redis");
        await WaitUntilOnRedisAsync(app, cancellationToken).ConfigureAwait(false);
        await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);

        context.Step("break Redis");
        var faultAt = DateTimeOffset.UtcNow;
        await BreakAsync(redis, cancellationToken).ConfigureAwait(false);
        await Task.Delay(Outage, cancellationToken).ConfigureAwait(false);

        context.Step("restore Redis");
        // Measured from the restore command: the cache may reconnect before the engine reports the container ready.
        var restoredAt = DateTimeOffset.UtcNow;
        await RestoreAsync(redis, cancellationToken).ConfigureAwait(false);

        context.Step("wait for watch to finish");
        var run = await watch.ConfigureAwait(false);
        var timeline = new WatchTimeline(run.Stdout);
        return before with
        {
            RawOutput = before.RawOutput + run.Stdout + run.Stderr,
            Transitions = timeline.SinceFirstRedis(),
            Timings = timeline.Figures(faultAt, restoredAt),
        };
    }

    private static async Task WaitUntilOnRedisAsync(ProbeNode app, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < OnRedisPatience)
        {
            var seen = await app.Container.ExecAsync(["grep", "-Eq", "\"to\": ?\"redis\"", WatchLog], cancellationToken).ConfigureAwait(false);
            if (seen.ExitCode == 0)
            {
                return;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }
}
