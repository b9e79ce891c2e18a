using System.Globalization;
using DotNet.Testcontainers.Networks;
using Heimnetz.Diagnostics.Remedies;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;
using Heimnetz.Harness.Scenarios.Situations;

namespace Heimnetz.Harness.Scenarios.Remedies;

/// <summary>
/// Proves the doctor's remedies: takes the typed actions from the doctor's JSON, applies them to the topology the way a
/// user would (a compose user adds a <c>redis</c> service, attaches the app to its network, adds the extra host, sets
/// <c>REDIS_URL</c>, and recreates the app), then probes and asks the doctor again in the recreated app's place.
/// </summary>
internal static class RemedyDrill
{
    /// <summary>The recreated app's role in the topology (and the report's drawing).</summary>
    public const string RemediedRole = "app-remedied";

    public static async Task<ScenarioObservation> RunAsync(ScenarioContext context, ProbeNode app, ScenarioObservation seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(app);
        if (Settle(seen) is { } settled)
        {
            return settled;
        }

        var doctor = seen.Doctor!;
        var plan = RemedyPlan.For(doctor);
        context.Step($"apply the doctor's remedies: {string.Join(", ", plan.Kinds)}");
        var recreated = await RecreateAsync(context, app.Spec, plan, cancellationToken).ConfigureAwait(false);
        if (recreated.NotApplicable is { } why)
        {
            return seen with { Remedy = RemedyOutcome.NotApplied(doctor.Verdict, why) };
        }

        var remedied = await context.Topology.AddProbeAsync(RemediedRole, recreated.Spec!, cancellationToken).ConfigureAwait(false);
        foreach (var (network, aliases) in recreated.AlsoOn)
        {
            await remedied.ConnectAsync(network, aliases, cancellationToken).ConfigureAwait(false);
        }

        var after = await SituationDefaults.ProbeAsync(context, remedied, seen.NetworkWiring, cancellationToken).ConfigureAwait(false);
        var verdict = after.Doctor ?? throw new InvalidOperationException("The doctor did not report in the recreated app.");
        return seen with
        {
            Remedy = RemedyOutcome.Applied(doctor.Verdict, verdict.Verdict, verdict.Describe(), plan.Kinds),
            RawOutput = seen.RawOutput + after.RawOutput,
        };
    }

    /// <summary>
    /// The same for an app that runs on the host, as a process: the remedies change what it is given (<c>REDIS_URL</c>,
    /// as an <c>.env</c> file gives it) and the host around it (a development Redis published on a free port, a
    /// squatter's published port moved), and the probe and the doctor run again on the host.
    /// </summary>
    public static async Task<ScenarioObservation> RunOnHostAsync(ScenarioContext context, string binary, ScenarioObservation seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Settle(seen) is { } settled)
        {
            return settled;
        }

        var doctor = seen.Doctor!;
        var plan = RemedyPlan.For(doctor);
        context.Step($"apply the doctor's remedies on the host: {string.Join(", ", plan.Kinds)}");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var action in plan.Actions)
        {
            switch (action)
            {
                case StartDevelopmentRedis start:
                    // What `heimnetz fix` does: a password-protected Redis published on the free port, REDIS_URL pointing at it.
                    var password = SituationDefaults.NewPassword(context);
                    await context.Topology.AddRedisAsync("redis-remedy", new RedisNodeSpec(context.Server, Attachment.Bridge) { HostPort = start.Port, Password = password }, cancellationToken).ConfigureAwait(false);
                    settings["REDIS_URL"] = string.Create(CultureInfo.InvariantCulture, $"redis://:{password}@localhost:{start.Port}");
                    break;
                case MovePublishedPort move:
                    if (await MovePublishedPortAsync(context.Topology, move, cancellationToken).ConfigureAwait(false) is { } notMoved)
                    {
                        return seen with { Remedy = RemedyOutcome.NotApplied(doctor.Verdict, notMoved) };
                    }

                    break;
                case SetRedisUrl url:
                    settings["REDIS_URL"] = url.Url;
                    break;
                default:
                    return seen with { Remedy = RemedyOutcome.NotApplied(doctor.Verdict, $"{action.Kind} is a remedy for a container, and this app runs on the host") };
            }
        }

        context.Step("probe and doctor on the host again");
        var probe = await HostProbe.RunAsync(binary, ["probe", "--json"], settings, cancellationToken).ConfigureAwait(false);
        var again = await HostProbe.RunAsync(binary, ["doctor", "--json"], settings, cancellationToken).ConfigureAwait(false);
        var verdict = DoctorVerdict.Parse(again.Stdout);
        return seen with
        {
            Remedy = RemedyOutcome.Applied(doctor.Verdict, verdict.Verdict, verdict.Describe(), plan.Kinds),
            RawOutput = seen.RawOutput + probe.Stdout + probe.Stderr + again.Stdout + again.Stderr,
        };
    }

    /// <summary>
    /// The observation as it stays when nothing is applied: no doctor ran, it found nothing, or a problem only a person
    /// can fix blocks the plan. Null when the plan runs.
    /// </summary>
    private static ScenarioObservation? Settle(ScenarioObservation seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        if (seen.Doctor is not { } doctor)
        {
            return seen;
        }

        var plan = RemedyPlan.For(doctor);
        return plan.IsEmpty ? seen with { Remedy = RemedyOutcome.NothingToDo }
            : plan.Blockers.Count > 0 ? seen with { Remedy = RemedyOutcome.NoneApplies(plan.Blockers) }
            : null;
    }

    /// <summary>
    /// Moves a squatter the topology made to the free host port, as its owner would: stop it (the port is free at once)
    /// and start it again published on the new port. Returns why not, or null when it moved.
    /// </summary>
    private static async Task<string?> MovePublishedPortAsync(TopologyBuilder topology, MovePublishedPort move, CancellationToken cancellationToken)
    {
        var squatter = topology.Nodes.OfType<SquatterNode>().FirstOrDefault(node => node.Container.Name.TrimStart('/') == move.Container.TrimStart('/'));
        if (squatter is null)
        {
            return $"the container publishing port {move.From} is not one this topology made";
        }

        if (topology.Sketch().Nodes.FirstOrDefault(node => node.Role == squatter.Role)?.Wiring != Attachment.Bridge.Describe())
        {
            return $"the squatter '{squatter.Role}' is not on the default bridge, where the harness publishes host ports";
        }

        await squatter.StopAsync(cancellationToken).ConfigureAwait(false);
        await topology.AddSquatterAsync($"{squatter.Role}-moved", squatter.Kind, Attachment.Bridge, hostPort: move.To, cancellationToken: cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static async Task<Recreated> RecreateAsync(ScenarioContext context, ProbeNodeSpec original, RemedyPlan plan, CancellationToken cancellationToken)
    {
        var spec = original;
        var alsoOn = new List<(INetwork, IReadOnlyList<string>)>();
        var environment = new Dictionary<string, string>(original.Environment, StringComparer.Ordinal);
        foreach (var action in plan.Actions)
        {
            switch (action)
            {
                case StartDevelopmentRedis:
                    // The compose way: a password-protected 'redis' service on its own network; what fix writes to .env.
                    var network = await context.Topology.AddNetworkAsync("remedy", cancellationToken: cancellationToken).ConfigureAwait(false);
                    var password = SituationDefaults.NewPassword(context);
                    await context.Topology.AddRedisAsync("redis-remedy", new RedisNodeSpec(context.Server, Attachment.On(network, "redis")) { Password = password }, cancellationToken).ConfigureAwait(false);
                    environment["REDIS_URL"] = string.Create(CultureInfo.InvariantCulture, $"redis://:{password}@redis:6379");
                    break;
                case AttachNetwork attach:
                    if (FindNetwork(context.Topology, attach) is not { } target)
                    {
                        return Recreated.Not($"no network in this topology has a container that answers as '{attach.Service}'");
                    }

                    switch (spec.Attachment)
                    {
                        case Attachment.Network current:
                            // Attaching adds a network; the app keeps the one it had.
                            alsoOn.Add((current.Value, current.Aliases));
                            spec = spec with { Attachment = Attachment.On(target, current.Aliases.ToArray()) };
                            break;
                        case Attachment.None or Attachment.DefaultBridge:
                            // Network mode none (or the default bridge) gives way to the network, as in compose.
                            spec = spec with { Attachment = Attachment.On(target, "app") };
                            break;
                        default:
                            return Recreated.Not($"an app wired as {spec.Attachment.Describe()} cannot be attached to a network");
                    }

                    break;
                case AddExtraHost add when add.Host == "host.docker.internal" && add.Target == AddExtraHost.HostGateway:
                    spec = spec with { HostGatewayAlias = true };
                    break;
                case AddExtraHost add:
                    return Recreated.Not($"the harness adds only host.docker.internal:{AddExtraHost.HostGateway}, not {add.Host}:{add.Target}");
                case SetRedisUrl url:
                    environment["REDIS_URL"] = url.Url;
                    break;
                default:
                    return Recreated.Not($"{action.Kind} is a remedy on the host, and this app runs in a container");
            }
        }

        return new Recreated(spec with { Environment = environment }, alsoOn, null);
    }

    /// <summary>The network named by the action, or the one where a container answers as its service.</summary>
    private static INetwork? FindNetwork(TopologyBuilder topology, AttachNetwork attach)
    {
        if (attach.Network is { } name)
        {
            return topology.Networks.FirstOrDefault(network => network.Name == name);
        }

        var sketch = topology.Sketch();
        var wiring = sketch.Nodes.FirstOrDefault(node => node.Kind == "redis" && node.Aliases.Contains(attach.Service))?.Wiring;
        var index = sketch.Networks.ToList().FindIndex(network => network.Role == wiring);
        return index >= 0 ? topology.Networks[index] : null;
    }

    private sealed record Recreated(ProbeNodeSpec? Spec, IReadOnlyList<(INetwork Network, IReadOnlyList<string> Aliases)> AlsoOn, string? NotApplicable)
    {
        public static Recreated Not(string why) => new(null, [], why);
    }
}
