using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Testing;

namespace Heimnetz.Consumer.Tests;

/// <summary>A situation the catalog does not have, composed from the same parts: Redis that admits only an ACL user, black-holed mid-run.</summary>
public sealed class OwnSituationTests
{
    private static readonly Situation AclUser = new(
        "acl-user",
        "Redis allows only the ACL user 'orders'; the app logs in as that user.",
        async (context, token) =>
        {
            var password = context.NewPassword();
            var network = await context.Topology.AddNetworkAsync("app", cancellationToken: token);
            context.FaultTarget = await context.Topology.AddRedisAsync(
                "redis",
                new RedisNodeSpec(context.Server, Attachment.On(network, "redis")) { Password = context.NewPassword(), AclUser = ("orders", password) },
                token);
            return new AppPlacement(Attachment.On(network, "app"))
            {
                Environment = new Dictionary<string, string> { ["REDIS_URL"] = $"redis://orders:{password}@redis:6379" },
            };
        })
    {
        RedisEndpoint = "redis:6379",
        Fault = Fault.BlackHole,
    };

    [Test]
    public async Task AclUser_BlackHoled_DegradedThenBack_AndNoPasswordInTheRecord()
    {
        var sample = AppUnderTest.FromImage("heimnetz/sample-service:dev", 5003).WithHealthEndpoint("/health/ready");

        await using var run = await AppRun.StartAsync(AclUser, sample);
        var record = await run.ExerciseAsync();

        Assert.That(record.Logs + string.Concat(record.Sidecar.Select(view => view.Output)), Does.Not.Match("hz-[0-9a-f]{24}"), "a password the situation made");
        await AppVerdict.Check(record, Expect.Reports("Healthy"), Expect.ReportsDuringOutage("Degraded"), Expect.SidecarChooses("redis:6379")).VerifyAsync();
    }
}
