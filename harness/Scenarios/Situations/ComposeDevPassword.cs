using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>A dev compose file: the service is called 'redis-dev' and has a password that the app gets from REDIS_PASSWORD.</summary>
public sealed class ComposeDevPassword : Scenario
{
    public override string Name => "compose-dev-password";

    public override string Situation => "Redis runs as 'redis-dev' with requirepass; the app has the password in REDIS_PASSWORD.";

    public override IReadOnlyList<Invariant> Invariants { get; } =
    [
        Invariant.Container("docker", "bridge"),
        Invariant.Outcome("redis:6379", "dns-failure"),
        Invariant.Chosen("redis-dev:6379"),
        Invariant.Outcome("redis-dev:6379", "ready"),
        Invariant.ChosenServerMatchesFlavour,
        Invariant.CacheMode("redis"),
        Invariant.NoSecretInOutput,
        Invariant.ServiceAgreesWithProbe,
    ];

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var password = SituationDefaults.NewPassword(context);
        context.Step("create the network");
        var network = await context.Topology.AddNetworkAsync("dev", cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Step("start Redis as 'redis-dev' with a password");
        await context.Topology.AddRedisAsync("redis-dev", new RedisNodeSpec(context.Server, Attachment.On(network, "redis-dev")) { Password = password }, cancellationToken).ConfigureAwait(false);
        context.Step("start the app with REDIS_PASSWORD");
        var app = await context.Topology.AddProbeAsync("app", new ProbeNodeSpec(Attachment.On(network, "app")) { Environment = new Dictionary<string, string> { ["REDIS_PASSWORD"] = password } }, cancellationToken).ConfigureAwait(false);
        return await SituationDefaults.ObserveAsync(context, app, "user-defined", cancellationToken).ConfigureAwait(false);
    }
}
