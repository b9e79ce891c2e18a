using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Sessions;
using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Testing;

/// <summary>
/// Your app, running in one situation, with the sidecar probe beside it: read its state, see what it sees, apply the
/// situation's fault, and check expectations on the record. Disposing removes every container and network of the run
/// (unless <see cref="AppRunOptions.Keep"/>).
/// </summary>
public sealed class AppRun : IAsyncDisposable
{
    public const string StartPhase = "start";
    public const string OutagePhase = "outage";
    public const string RecoveryPhase = "recovery";
    public const string AfterPhase = "after";

    private readonly SituationContext context;
    private readonly AppRunOptions options;
    private readonly AppPlacement placement;
    private readonly List<AppReading> readings = [];
    private readonly List<SidecarView> views = [];
    private readonly Dictionary<string, string> scrubs = new(StringComparer.Ordinal);
    private HostLease? lease;

    private AppRun(Situation situation, AppUnderTest app, SituationContext context, AppRunOptions options, AppPlacement placement, AppNode appNode, SidecarNode sidecar)
    {
        Situation = situation;
        App = app;
        this.context = context;
        this.options = options;
        this.placement = placement;
        AppNode = appNode;
        Sidecar = sidecar;
    }

    public Situation Situation { get; }

    public AppUnderTest App { get; }

    public TopologyBuilder Topology => context.Topology;

    public AppNode AppNode { get; }

    public SidecarNode Sidecar { get; }

    /// <summary>The Redis the situation's faults act on, for a test that breaks and restores it by hand (e.g. <c>Fault.Kill.Break(run.Redis!, token)</c>).</summary>
    public Heimnetz.Harness.Fixtures.Nodes.RedisNode? Redis => context.FaultTarget;

    /// <summary>The readings so far, oldest first.</summary>
    public IReadOnlyList<AppReading> Readings => readings;

    /// <summary>The sidecar's views so far, oldest first.</summary>
    public IReadOnlyList<SidecarView> SidecarViews => views;

    /// <summary>Builds the situation, starts the app in it and the sidecar beside it, and waits for the app's first reading.</summary>
    public static async Task<AppRun> StartAsync(Situation situation, AppUnderTest app, AppRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(app);
        options ??= new AppRunOptions();
        await DockerEngine.EnsureReadyAsync().ConfigureAwait(false);
        // The same share of the host a matrix cell takes: alone with fixed ports, else beside others that read the host.
        var lease = await AcquireHostAsync(situation, options.HostPatience, cancellationToken).ConfigureAwait(false);
        if (situation.HostPorts.FirstOrDefault(port => !IsFree(port)) is var busy and > 0)
        {
            lease.Dispose();
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The situation '{situation.Name}' publishes host port {busy}, which another process holds; free it and run again."));
        }

        var topology = new TopologyBuilder(situation.Name) { Keep = options.Keep };
        var context = new SituationContext(topology, options.Server);
        AppNode? appNode = null;
        try
        {
            var placement = await situation.Arrange(context, cancellationToken).ConfigureAwait(false);
            appNode = await topology.AddNodeAsync(AppNode.Create(app, placement), "app", placement.Attachment, cancellationToken: cancellationToken).ConfigureAwait(false);
            var sidecar = await SidecarNode.CreateAsync(options.SidecarImage, appNode, placement.Environment, cancellationToken).ConfigureAwait(false);
            await topology.AddNodeAsync(sidecar, "sidecar", new Attachment.SharedWith(appNode.Container.Id, appNode.Role), cancellationToken: cancellationToken).ConfigureAwait(false);
            var run = new AppRun(situation, app, context, options, placement, appNode, sidecar) { lease = lease };
            await run.WaitForFirstReadingAsync(cancellationToken).ConfigureAwait(false);
            return run;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var logs = appNode is null ? string.Empty : await appNode.LogsAsync().ConfigureAwait(false);
            topology.Keep = false;
            await topology.DisposeAsync().ConfigureAwait(false);
            lease.Dispose();
            throw new InvalidOperationException(
                $"The app {app.Describe()} did not come up in '{situation.Name}': {Hide(error.Message, context.Secrets)}{(logs.Length > 0 ? Environment.NewLine + Hide(logs, context.Secrets) : string.Empty)}",
                error);
        }
        catch
        {
            topology.Keep = false;
            await topology.DisposeAsync().ConfigureAwait(false);
            lease.Dispose();
            throw;
        }
    }

    private static async Task<HostLease> AcquireHostAsync(Situation situation, TimeSpan patience, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(patience);
        try
        {
            return await HostLease.AcquireAsync(exclusive: situation.HostPorts.Count > 0, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"The situation '{situation.Name}' waited {patience.TotalMinutes:0.#} min for this machine's host, which another run holds (a matrix cell or an app run with fixed host ports, lock {HostLease.LockPath}); let it finish, or raise AppRunOptions.HostPatience."));
        }
    }

    /// <summary>Reads what the app says about itself now, and keeps it under <paramref name="phase"/>.</summary>
    public async Task<AppReading> ReadAsync(string phase, CancellationToken cancellationToken = default)
    {
        string state;
        int? status = null;
        switch (App.State)
        {
            case AppStateSource.Http http:
                var (code, body) = await Sidecar.GetAsync(App.Port, http.Path, cancellationToken).ConfigureAwait(false);
                status = code;
                state = code is null ? AppReading.Unreachable : StateOf(body, http.JsonField, code.Value);
                break;
            case AppStateSource.Logs logs:
                var (stdout, stderr) = await AppNode.Container.GetLogsAsync(ct: cancellationToken).ConfigureAwait(false);
                state = (stdout + stderr).Split('\n').Select(line => logs.Pattern.Match(line.TrimEnd('\r'))).LastOrDefault(match => match.Success)?.Groups["state"].Value.Trim() ?? "no matching log line";
                break;
            default:
                throw new InvalidOperationException($"Unknown state source {App.State}.");
        }

        var answers = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var path in App.WatchedPaths)
        {
            answers[path] = (await Sidecar.GetAsync(App.Port, path, cancellationToken).ConfigureAwait(false)).Status;
        }

        var reading = new AppReading(phase, DateTimeOffset.UtcNow, Hide(state, context.Secrets), status, answers);
        readings.Add(reading);
        return reading;
    }

    /// <summary>Runs the probe in the app's network namespace, and keeps what it saw under <paramref name="phase"/>.</summary>
    public async Task<SidecarView> SeeAsync(string phase, CancellationToken cancellationToken = default)
    {
        var run = await Sidecar.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (run.Report?.Environment.DefaultGateway is { Length: > 0 } gateway && placement.Attachment is Attachment.DefaultBridge or Attachment.Network)
        {
            scrubs[gateway] = "<bridge-gateway>";
        }

        var view = new SidecarView(phase, run.Report, Hide(run.Stdout + run.Stderr, context.Secrets));
        views.Add(view);
        return view;
    }

    /// <summary>
    /// The whole drill: read and look at the start; for a situation with a fault, break Redis, read until the app's state
    /// changes (at least <see cref="AppRunOptions.MinimumOutage"/>), look again, restore, read until the app reports its
    /// start state again, and look a last time. Returns the record to check expectations on.
    /// </summary>
    public async Task<AppRecord> ExerciseAsync(CancellationToken cancellationToken = default)
    {
        var start = await ReadAsync(StartPhase, cancellationToken).ConfigureAwait(false);
        await SeeAsync(StartPhase, cancellationToken).ConfigureAwait(false);
        if (Situation.Fault is { } fault)
        {
            var redis = context.FaultTarget
                ?? throw new InvalidOperationException($"The situation '{Situation.Name}' has the fault '{fault.Name}' but set no SituationContext.FaultTarget.");
            await fault.Break(redis, cancellationToken).ConfigureAwait(false);
            await ReadUntilAsync(OutagePhase, reading => reading.State != start.State, options.MinimumOutage, options.OutagePatience, cancellationToken).ConfigureAwait(false);
            await SeeAsync(OutagePhase, cancellationToken).ConfigureAwait(false);
            await fault.Restore(redis, cancellationToken).ConfigureAwait(false);
            await ReadUntilAsync(RecoveryPhase, reading => reading.State == start.State, TimeSpan.Zero, options.RecoveryPatience, cancellationToken).ConfigureAwait(false);
            await ReadAsync(AfterPhase, cancellationToken).ConfigureAwait(false);
            await SeeAsync(AfterPhase, cancellationToken).ConfigureAwait(false);
        }

        return await RecordAsync().ConfigureAwait(false);
    }

    /// <summary>What the run saw so far, with the app's logs.</summary>
    public async Task<AppRecord> RecordAsync()
    {
        var logs = await AppNode.LogsAsync().ConfigureAwait(false);
        return new AppRecord(Situation, App.Describe(), placement.Describe(), App.State.Describe(), readings.ToList(), views.ToList(), Hide(logs, context.Secrets))
        {
            Scrubs = new Dictionary<string, string>(scrubs),
        };
    }

    /// <summary>What to type to look inside and to tear down a kept run.</summary>
    public IReadOnlyList<string> KeptInstructions() =>
    [
        $"shell in the app:       docker exec -it {AppNode.Container.Id[..12]} sh",
        $"shell beside the app:   docker exec -it {Sidecar.Container.Id[..12]} bash   (the sidecar shares the app's network; heimnetz probe, ss, ip are there)",
        $"tear down:              docker rm -f $(docker ps -aq --filter label={HarnessSession.SessionLabel}={HarnessSession.Id}) && docker network rm $(docker network ls -q --filter label={HarnessSession.SessionLabel}={HarnessSession.Id})",
    ];

    public async ValueTask DisposeAsync()
    {
        try
        {
            await context.Topology.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            lease?.Dispose();
        }
    }

    private async Task ReadUntilAsync(string phase, Func<AppReading, bool> done, TimeSpan atLeast, TimeSpan patience, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reached = false;
        while (clock.Elapsed < patience && !(reached && clock.Elapsed >= atLeast))
        {
            reached |= done(await ReadAsync(phase, cancellationToken).ConfigureAwait(false));
            await Task.Delay(options.ReadingInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    // The first answer is not yet the app's state: it may still be looking for Redis. Wait until it holds still.
    private async Task WaitForFirstReadingAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var stable = Stopwatch.StartNew();
        string? last = null;
        while (true)
        {
            var reading = await ReadAsync("starting", cancellationToken).ConfigureAwait(false);
            var answered = reading.State is not AppReading.Unreachable and not "no matching log line";
            if (!answered || reading.State != last)
            {
                last = answered ? reading.State : null;
                stable.Restart();
            }
            else if (stable.Elapsed >= options.Settle)
            {
                readings.Clear();
                return;
            }

            if (clock.Elapsed > App.StartupTimeout)
            {
                throw new TimeoutException(last is null
                    ? $"No reading from the app ({App.State.Describe()}) within {App.StartupTimeout.TotalSeconds:0} s; the last said '{reading.State}'."
                    : $"The app's state ({App.State.Describe()}) did not hold still for {options.Settle.TotalSeconds:0} s within {App.StartupTimeout.TotalSeconds:0} s; the last said '{reading.State}'.");
            }

            await Task.Delay(options.ReadingInterval * 2, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string StateOf(string body, string? jsonField, int status)
    {
        if (jsonField is null)
        {
            var text = body.Trim();
            return text.Length == 0 ? status.ToString(CultureInfo.InvariantCulture) : text.Length > 80 ? text[..80] : text;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var element = document.RootElement;
            foreach (var part in jsonField.Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
                {
                    return $"no field {jsonField}";
                }
            }

            return element.ValueKind == JsonValueKind.String ? element.GetString() ?? "null" : element.GetRawText();
        }
        catch (JsonException)
        {
            return $"not JSON (HTTP {status.ToString(CultureInfo.InvariantCulture)})";
        }
    }

    private static string Hide(string text, IReadOnlyList<string> secrets) =>
        secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
