using Heimnetz.Testing;

namespace Heimnetz.Consumer.Tests;

/// <summary>
/// The sample deployed the broken way: Redis hard-coded as localhost:6379. Behind the host-gateway alias that is wrong,
/// and the failure must say what the sidecar saw from the app's place: where Redis really is.
/// </summary>
public sealed class BrokenSampleTests
{
    private static readonly AppUnderTest HardCodedLocalhost = AppUnderTest.FromImage("heimnetz/sample-service:dev", 5003)
        .WithEnvironment("REDIS_URL", "redis://localhost:6379")
        .WithHealthEndpoint("/health/ready");

    [Test]
    public async Task HostGatewayAlias_HardCodedLocalhost_FailsSayingWhatTheSidecarSaw()
    {
        await using var run = await AppRun.StartAsync(Situations.HostGatewayAlias, HardCodedLocalhost);
        var record = await run.ExerciseAsync();

        var verdict = AppVerdict.Check(record, Expect.Reports("Healthy"));
        var failure = Assert.ThrowsAsync<ExpectationsFailedException>(() => verdict.VerifyAsync());

        Assert.That(failure!.Message, Does.Contain("FAILED  app reports Healthy: at start it reported Degraded")
            .And.Contain("What the sidecar saw from inside the app's network namespace")
            .And.Contain("host.docker.internal:6379 ready")
            .And.Contain("localhost:6379 refused"));
    }
}
