using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>The password in the app's environment is stale: Redis says so, the cache stays in memory, and no output shows either password.</summary>
public sealed class WrongPassword : Scenario
{
    public override string Name => "wrong-password";

    public override string Situation => "Redis has requirepass; the app is configured with a different password.";

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Outcome("redis:6379", "auth-failed"),
        Invariant.Chosen(null),
        Invariant.CacheMode("memory"),
        Invariant.DoctorFinds("auth-failed"),
        Invariant.NoSecretInOutput,
        Invariant.ServiceAgreesWithProbe,
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var actual = SituationDefaults.NewPassword(context);
        var configured = SituationDefaults.NewPassword(context);
        context.Step("create the network");
        var network = await context.Topology.AddNetworkAsync("app", cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Step("start Redis with one password");
        await context.Topology.AddRedisAsync("redis", new RedisNodeSpec(context.Server, Attachment.On(network, "redis")) { Password = actual }, cancellationToken).ConfigureAwait(false);
        context.Step("start the app with another");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.On(network, "app")) { Environment = new Dictionary<string, string> { ["REDIS_PASSWORD"] = configured } }, cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveAsync(context, app, "user-defined", cancellationToken).ConfigureAwait(false);
    }
}
