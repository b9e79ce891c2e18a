using Heimnetz.Testing;

namespace Heimnetz.Consumer.Tests;

/// <summary>
/// The sample service's image, as its team would test it: in each situation, what it must report on /health/ready,
/// what the sidecar must find from its place, and that it keeps serving /status while Redis is gone.
/// </summary>
public sealed class SampleServiceTests
{
    private static readonly AppUnderTest Sample = AppUnderTest.FromImage("heimnetz/sample-service:dev", 5003)
        .WithHealthEndpoint("/health/ready")
        .Watching("/status");

    [Test]
    public async Task HostNetwork_FindsRedisOnLocalhost()
    {
        await using var run = await AppRun.StartAsync(Situations.HostNetwork, Sample);
        var record = await run.ExerciseAsync();

        await AppVerdict.Check(record, Expect.Reports("Healthy"), Expect.SidecarChooses("localhost:6379")).VerifyAsync();
    }

    [Test]
    public async Task HostGatewayAlias_FindsRedisThroughTheAlias()
    {
        await using var run = await AppRun.StartAsync(Situations.HostGatewayAlias, Sample);
        var record = await run.ExerciseAsync();

        await AppVerdict.Check(record, Expect.Reports("Healthy"), Expect.SidecarChooses("host.docker.internal:6379")).VerifyAsync();
    }

    [Test]
    public async Task PortConflict_PassesOverTheWebServerToTheRealRedis()
    {
        await using var run = await AppRun.StartAsync(Situations.PortConflict, Sample);
        var record = await run.ExerciseAsync();

        await AppVerdict.Check(record, Expect.Reports("Healthy"), Expect.SidecarChooses("redis-dev:6379")).VerifyAsync();
    }

    [Test]
    public async Task FailoverStop_DegradedButServingThroughoutTheOutage()
    {
        await using var run = await AppRun.StartAsync(Situations.FailoverStop, Sample);
        var record = await run.ExerciseAsync();

        await AppVerdict.Check(
                record,
                Expect.Reports("Healthy"),
                Expect.ReportsDuringOutage("Degraded"),
                Expect.NeverReports(AppReading.Unreachable),
                Expect.AnswersThroughoutOutage("/status", 200))
            .VerifyAsync();
    }
}
