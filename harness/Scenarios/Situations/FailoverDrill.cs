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

    /// <summary>The keys the client reads in turn; they are never written, so every answer is a 404 from the cache's read path.</summary>
    private static readonly string[] TrafficKeys = ["drill-a", "drill-b", "drill-c"];

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Chosen("redis:6379"),
        Invariant.Transitions("redis", "memory", "redis"),
        Invariant.ServiceTransitions("redis", "memory", "redis"),
        Invariant.ServiceAnsweredEveryRequest,
        Invariant.ServiceAgreesWithProbe,
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
        var before = await SituationDefaults.ProbeAsync(context, app, "user-defined", cancellationToken).ConfigureAwait(false);
        var (service, _) = await SituationDefaults.StartServiceAsync(context, app, publishOnLoopback: ServiceStarted is not null, cancellationToken).ConfigureAwait(false);
        if (ServiceStarted is { } started)
        {
            await started(service, cancellationToken).ConfigureAwait(false);
        }

        context.Step("start the HTTP client beside the service");
        var client = await context.Topology.AddTrafficAsync("client", Attachment.On(network, "client"), cancellationToken).ConfigureAwait(false);

        context.Step("run heimnetz watch in the app");
        // Through tee, so the harness can see when the cache is on Redis: a starved app (a CPU limit, a busy machine)
        // takes longer to start, and breaking Redis before it got there would test nothing.
        // --verbose puts the cache's own log on stderr: why each recovery attempt failed, for a cell that needs attention.
        var watch = app.Container.ExecAsync(["bash", "-c", $"set -o pipefail; {ProbeArtifact.ContainerPath} watch --duration {WatchDuration} --interval 20ms --json --verbose | tee {WatchLog}"], cancellationToken);
        context.Step("wait until watch is on Redis");
        var onRedisBeforeFault = await WaitUntilOnRedisAsync(app, cancellationToken).ConfigureAwait(false);
        context.Step("drive HTTP traffic through the service");
        var traffic = client.RunUntilStoppedAsync([.. TrafficKeys.Select(key => new Uri($"http://service:{service.Spec.Port}/cache/{key}"))], cancellationToken);
        await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);

        context.Step("break Redis");
        // Where Redis was and is: on Podman a restarted container gets a new address (its name follows it).
        var addressBefore = await redis.AddressOnAsync(network.Name, cancellationToken).ConfigureAwait(false);
        var faultAt = DateTimeOffset.UtcNow;
        await BreakAsync(redis, cancellationToken).ConfigureAwait(false);
        await Task.Delay(Outage, cancellationToken).ConfigureAwait(false);

        context.Step("restore Redis");
        // Measured from the restore command: the cache may reconnect before the engine reports the container ready.
        var restoredAt = DateTimeOffset.UtcNow;
        await RestoreAsync(redis, cancellationToken).ConfigureAwait(false);
        var addressAfter = await redis.AddressOnAsync(network.Name, cancellationToken).ConfigureAwait(false);

        context.Step("wait for the service to be back on Redis");
        var after = await service.WaitForStatusAsync(status => BackOnRedis(status, restoredAt) is not null, OnRedisPatience, cancellationToken).ConfigureAwait(false);
        var serviceBackAt = BackOnRedis(after, restoredAt);
        // A second of traffic on Redis again, so the timeline shows the return.
        await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);
        await client.EndTrafficAsync(cancellationToken).ConfigureAwait(false);
        var requests = await traffic.ConfigureAwait(false);

        context.Step("wait for watch to finish");
        var run = await watch.ConfigureAwait(false);
        var timeline = new WatchTimeline(run.Stdout);
        var transitions = timeline.SinceFirstRedis();
        var timings = new Dictionary<string, double>(timeline.Figures(faultAt, restoredAt));
        foreach (var (key, value) in TrafficFigures.From(requests, faultAt, serviceBackAt ?? DateTimeOffset.UtcNow, transitions.Count > 0 ? transitions[0].At : faultAt))
        {
            timings[key] = value;
        }

        if (serviceBackAt is { } back)
        {
            timings["serviceReturnMs"] = Math.Round((back - restoredAt).TotalMilliseconds, 1);
        }

        return before with
        {
            RawOutput = before.RawOutput + run.Stdout + run.Stderr + after.Body,
            Transitions = transitions,
            Timings = timings,
            Service = after,
            Traffic = requests,
            Diagnostics = string.Join(
                Environment.NewLine,
                $"--- redis: {addressBefore ?? "no address"} before the fault, {addressAfter ?? "no address"} after the restore ---",
                onRedisBeforeFault ? "--- watch was on Redis before the fault ---" : $"--- watch was not on Redis within {OnRedisPatience.TotalSeconds:0} s, and Redis was broken anyway ---",
                "--- heimnetz watch: stdout ---",
                run.Stdout.TrimEnd(),
                $"--- heimnetz watch: stderr (exit {run.ExitCode}) ---",
                run.Stderr.TrimEnd()),
        };
    }

    /// <summary>
    /// Called once the sample service has settled on Redis, before any fault: an observer (a browser on its dashboard)
    /// gets ready here, and the drill waits for it. Needs <see cref="ServiceNodeSpec.PublishOnLoopback"/> to reach it from the host.
    /// </summary>
    public Func<ServiceNode, CancellationToken, Task>? ServiceStarted { get; init; }

    /// <summary>When the service's cache went back to Redis after the restore, by its own /status; null while it has not.</summary>
    private static DateTimeOffset? BackOnRedis(ServiceStatus status, DateTimeOffset restoredAt) =>
        status.CacheMode == "redis" && status.Transitions.LastOrDefault(t => t.To == "redis" && t.At >= restoredAt) is { } back ? back.At : null;

    /// <summary>Waits until watch's log shows the cache on Redis; false when it did not get there within the patience.</summary>
    private static async Task<bool> WaitUntilOnRedisAsync(ProbeNode app, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < OnRedisPatience)
        {
            var seen = await app.Container.ExecAsync(["grep", "-Eq", "\"to\": ?\"redis\"", WatchLog], cancellationToken).ConfigureAwait(false);
            if (seen.ExitCode == 0)
            {
                return true;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }
}
