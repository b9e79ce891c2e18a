using DotNet.Testcontainers.Builders;
using Heimnetz.Testing;

namespace Heimnetz.Consumer.Tests;

/// <summary>
/// An app of another shape: a console worker with no HTTP at all, given as a Testcontainers builder and read through its
/// logs. It stores a tick in Redis every half second with redis-cli and logs where the tick went.
/// </summary>
public sealed class ConsoleWorkerTests
{
    private const string Loop = """
        i=0
        while true; do
          i=$((i+1))
          if [ "$(timeout 2 redis-cli -h "$REDIS_HOST" SET worker:tick "$i" 2>&1)" = "OK" ]; then
            echo "tick $i: cache=redis ($REDIS_HOST)"
          else
            echo "tick $i: cache=memory ($REDIS_HOST unavailable)"
          fi
          sleep 0.5
        done
        """;

    // Any image with a shell and redis-cli would do; the Redis image the situations use has both.
    private static readonly AppUnderTest Worker = AppUnderTest.FromBuilder(
            new ContainerBuilder("heimnetz/redis:7.0").WithEntrypoint("sh", "-c", Loop).WithEnvironment("REDIS_HOST", "redis"))
        .WithLogState(@"cache=(?<state>\w+)");

    [Test]
    public async Task BridgeServiceName_StoresInRedis()
    {
        await using var run = await AppRun.StartAsync(Situations.BridgeServiceName, Worker);
        var record = await run.ExerciseAsync();

        await AppVerdict.Check(record, Expect.Reports("redis"), Expect.SidecarChooses("redis:6379")).VerifyAsync();
    }

    [Test]
    public async Task FailoverStop_FallsBackToMemoryAndReturns()
    {
        await using var run = await AppRun.StartAsync(Situations.FailoverStop, Worker);
        var record = await run.ExerciseAsync();

        await AppVerdict.Check(record, Expect.Reports("redis"), Expect.ReportsDuringOutage("memory"), Expect.LogsContain("unavailable")).VerifyAsync();
    }
}
