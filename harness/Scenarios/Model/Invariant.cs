using System.Globalization;
using Heimnetz.Discovery;
using Heimnetz.Harness.Scenarios.Engine;

namespace Heimnetz.Harness.Scenarios.Model;

/// <summary>One thing a scenario expects; <see cref="Check"/> returns null when it holds, else what was seen instead.</summary>
public sealed record Invariant(string Description, Func<ScenarioObservation, ScenarioContext, string?> Check)
{
    public static Invariant Chosen(string? endpoint) => new(
        $"chosen is {endpoint ?? "none"}",
        (seen, _) => seen.Report.Discovery.Chosen == endpoint ? null : $"chosen was {seen.Report.Discovery.Chosen ?? "none"}");

    public static Invariant Outcome(string endpoint, string outcome) => new(
        $"{endpoint} is {outcome}",
        (seen, _) => seen.Report.Discovery.Candidates.FirstOrDefault(c => c.Endpoint == endpoint) is { } candidate
            ? candidate.Outcome == outcome ? null : $"{endpoint} was {candidate.Outcome} ({candidate.Detail})"
            : $"{endpoint} was not a candidate");

    /// <summary>The engine's host alias on the given port: host.docker.internal on Docker, host.containers.internal on Podman.</summary>
    public static Invariant ChosenHostAlias(int port) => new(
        string.Create(CultureInfo.InvariantCulture, $"chosen is the engine's host alias on port {port}"),
        (seen, context) => seen.Report.Discovery.Chosen == string.Create(CultureInfo.InvariantCulture, $"{context.Engine.HostAlias}:{port}")
            ? null
            : $"chosen was {seen.Report.Discovery.Chosen ?? "none"}, the engine's host alias is {context.Engine.HostAlias}");

    /// <summary>
    /// The chosen endpoint is the default gateway the probe detected, on the given port; on an engine that gives every
    /// container its host alias (Podman), that alias, which names the same gateway and is ranked before it.
    /// </summary>
    public static Invariant ChosenIsDefaultGateway(int port) => new(
        string.Create(CultureInfo.InvariantCulture, $"chosen is the default gateway on port {port}"),
        (seen, context) =>
        {
            var expected = context.Engine.ProvidesHostAlias ? context.Engine.HostAlias : seen.Report.Environment.DefaultGateway;
            return expected is not null && seen.Report.Discovery.Chosen == string.Create(CultureInfo.InvariantCulture, $"{expected}:{port}")
                ? null
                : $"chosen was {seen.Report.Discovery.Chosen ?? "none"} with gateway {seen.Report.Environment.DefaultGateway ?? "none"}";
        });

    /// <summary>The probe's gateway is the one the engine reports for the network (docker network inspect).</summary>
    public static Invariant GatewayMatchesEngine { get; } = new(
        "gateway matches the engine's",
        (seen, _) => seen.EngineFacts.TryGetValue("gateway", out var expected) && seen.Report.Environment.DefaultGateway == expected
            ? null
            : $"gateway was {seen.Report.Environment.DefaultGateway ?? "none"}, the engine says {seen.EngineFacts.GetValueOrDefault("gateway") ?? "nothing"}");

    /// <summary>The probe's container kind is what detection in the harness's own process says (for a probe run on the host).</summary>
    public static Invariant ContainerMatchesEngineFact { get; } = new(
        "container matches detection in the harness process",
        (seen, _) => seen.EngineFacts.TryGetValue("container", out var expected) && seen.Report.Environment.Container == expected
            ? null
            : $"container was {seen.Report.Environment.Container}, the harness process detects {seen.EngineFacts.GetValueOrDefault("container") ?? "nothing"}");

    /// <summary>The doctor, run in the app's place, reports this finding code (at any severity).</summary>
    public static Invariant DoctorFinds(string code) => new(
        $"doctor reports {code}",
        (seen, _) => seen.Doctor is { } doctor
            ? doctor.Findings.Any(f => f.Code == code) ? null : $"doctor reported {string.Join(", ", doctor.Findings.Select(f => f.Code))}"
            : "doctor did not run");

    /// <summary>The doctor's overall verdict: healthy, degraded or broken.</summary>
    public static Invariant DoctorVerdictIs(string verdict) => new(
        $"doctor says {verdict}",
        (seen, _) => seen.Doctor?.Verdict == verdict ? null : $"doctor said {seen.Doctor?.Describe() ?? "nothing"}");

    /// <summary>
    /// Holds for every scenario: where the doctor found a problem, its remedies were applied and turned the app healthy,
    /// or the doctor named why none applies (a password only a person knows). A remedy that does not work is a red cell.
    /// </summary>
    public static Invariant RemediesProven { get; } = new(
        "the doctor's remedies turn the app healthy, or say why none applies",
        (seen, _) => seen.Remedy switch
        {
            { Failure: { } failure } => failure,
            null when seen.Doctor is { Problems.Count: > 0 } => "the doctor's remedies were not tried",
            _ => null,
        });

    public static Invariant CacheMode(string mode) => new(
        $"cache is {mode}",
        (seen, _) => seen.Report.Cache.Mode == mode ? null : $"cache was {seen.Report.Cache.Mode}");

    /// <summary>The detected container kind (null: any) and network mode.</summary>
    /// <remarks>Scenarios state what Docker shows; on another engine its own kind is expected (Podman's containers detect as podman).</remarks>
    public static Invariant Container(string? container, string networkMode) => new(
        $"environment is {container ?? "*"}/{networkMode}",
        (seen, context) =>
        {
            var expected = container == EngineTarget.Docker ? context.Engine.ContainerKind : container;
            return (expected is null || seen.Report.Environment.Container == expected) && seen.Report.Environment.NetworkMode == networkMode
                ? null
                : $"environment was {seen.Report.Environment.Container}/{seen.Report.Environment.NetworkMode}";
        });

    /// <summary>Discovery finished within its budget; the slack absorbs a noisy machine, a hang still fails.</summary>
    public static Invariant DiscoveryWithin(TimeSpan budget) => new(
        string.Create(CultureInfo.InvariantCulture, $"discovery within {budget.TotalMilliseconds:0} ms of the time the probe could run"),
        (seen, _) =>
        {
            // A hang bound, not a speed test: the time the probe itself measured as starved (its timeouts gave it back)
            // does not count, and the wall-time ceiling every starved timeout stops at still bounds the whole.
            var discovery = seen.Report.Discovery;
            var runnable = discovery.ElapsedMs - discovery.StarvedMs;
            var ceiling = (DiscoveryTimeouts.Ceiling(DiscoveryTimeouts.DefaultBudget) + budget).TotalMilliseconds;
            return runnable <= budget.TotalMilliseconds && discovery.ElapsedMs <= ceiling
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"discovery took {discovery.ElapsedMs:0} ms, {discovery.StarvedMs:0} ms of them starved");
        });

    /// <summary>The chosen server says it is the flavour under test (redis or valkey): proof that discovery found the real one.</summary>
    public static Invariant ChosenServerMatchesFlavour { get; } = new(
        "chosen server is the flavour under test",
        (seen, context) => seen.Report.Discovery.Candidates.FirstOrDefault(c => c.Endpoint == seen.Report.Discovery.Chosen)?.Server is { } server
            ? string.Equals(server.Product, context.Server.Product, StringComparison.OrdinalIgnoreCase) ? null : $"chosen server was {server.Product} {server.Version}"
            : "the chosen candidate reported no server identity");

    public static Invariant NoSecretInOutput { get; } = new(
        "no secret in any output",
        (seen, context) => context.Secrets.FirstOrDefault(secret => seen.RawOutput.Contains(secret, StringComparison.Ordinal)) is { } leaked
            ? $"a secret of {leaked.Length} characters appeared in the output"
            : null);

    public static Invariant Transitions(params string[] modes) => new(
        $"modes {string.Join("→", modes)}",
        (seen, _) =>
        {
            var actual = ModeTransition.Story(seen.Transitions);
            return actual.SequenceEqual(modes) ? null : $"modes were {(actual.Count == 0 ? "unchanged" : string.Join("→", actual))}";
        });

    /// <summary>The sample service's own discovery chose what the probe chose, and its cache is in the probe's mode.</summary>
    public static Invariant ServiceAgreesWithProbe { get; } = new(
        "the service chose what the probe chose",
        (seen, _) => seen.Service is not { } service
            ? "the service reported nothing"
            : service.Chosen == seen.Report.Discovery.Chosen && service.CacheMode == seen.Report.Cache.Mode
                ? null
                : $"the service chose {service.Chosen ?? "none"} ({service.CacheMode}), the probe {seen.Report.Discovery.Chosen ?? "none"} ({seen.Report.Cache.Mode})");

    /// <summary>The sample service's cache told this story of modes (from its first time on Redis), by its /status.</summary>
    public static Invariant ServiceTransitions(params string[] modes) => new(
        $"service modes {string.Join("→", modes)}",
        (seen, _) =>
        {
            var actual = seen.Service is { } service ? ModeTransition.Story(ModeTransition.SinceFirstRedis(service.Transitions)) : [];
            return actual.SequenceEqual(modes) ? null : $"service modes were {(actual.Count == 0 ? "unchanged" : string.Join("→", actual))}";
        });

    /// <summary>Through the whole drill the service answered every request a client sent it: no 5xx, no connection error.</summary>
    public static Invariant ServiceAnsweredEveryRequest { get; } = new(
        "the service answered every request (0 × 5xx, 0 connection errors)",
        (seen, _) => seen.Traffic is not { Requests.Count: > 0 } traffic
            ? "no request was sent"
            : traffic.Requests.Count(r => r.IsServerError) is var errors && traffic.Requests.Count(r => r.IsConnectionError) is var lost && errors + lost > 0
                ? string.Create(CultureInfo.InvariantCulture, $"of {traffic.Requests.Count} requests {errors} got a 5xx and {lost} no response")
                : null);
}
