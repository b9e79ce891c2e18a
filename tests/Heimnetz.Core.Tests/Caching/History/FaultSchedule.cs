using Heimnetz.Caching;
using Heimnetz.Harness.Fixtures.LocalRedis;

namespace Heimnetz.Tests.Caching.History;

/// <summary>
/// Breaks the real server again and again while the workers run: SIGKILL and restart at once (the return races calls still
/// failing on the old connection), SIGKILL and restart later, SIGSTOP and SIGCONT (a black hole: calls time out). The
/// server keeps an append-only file, so a kill loses nothing Redis acknowledged and every loss the checker sees is the cache's.
/// </summary>
internal sealed class FaultSchedule(RedisServerProcess server, ResilientCache cache, Random random, TextWriter log)
{
    private bool paused;

    public int Faults { get; private set; }

    public async Task RunAsync(int faults, CancellationToken cancellationToken)
    {
        for (var i = 0; i < faults && !cancellationToken.IsCancellationRequested; i++)
        {
            await WaitForAsync(CacheMode.Redis);
            // Let the workers write to Redis for a while, so the outage has something to race with.
            await Task.Delay(random.Next(100, 400), cancellationToken);
            var fault = random.Next(3);
            log.WriteLine($"fault {i + 1}: {(fault == 0 ? "kill, restart at once" : fault == 1 ? "kill, restart later" : "pause, continue")}");
            switch (fault)
            {
                case 0:
                    await server.RestartAsync();
                    break;
                case 1:
                    await server.KillAsync();
                    await WaitForAsync(CacheMode.Memory);
                    await Task.Delay(random.Next(0, 300), cancellationToken);
                    await server.RestartAsync();
                    break;
                default:
                    server.Pause();
                    paused = true;
                    await WaitForAsync(CacheMode.Memory);
                    await Task.Delay(random.Next(0, 300), cancellationToken);
                    server.Resume();
                    paused = false;
                    break;
            }

            Faults++;
        }
    }

    /// <summary>Leaves the server running, whatever the schedule was doing when it stopped.</summary>
    public async Task HealAsync()
    {
        if (paused)
        {
            server.Resume();
            paused = false;
        }

        if (server.HasExited)
        {
            await server.RestartAsync();
        }
    }

    private Task WaitForAsync(CacheMode mode) =>
        CacheTestSupport.WaitUntilAsync(() => cache.Mode == mode, $"cache mode {mode}", explain: () => $"Status: {cache.Status.Mode}, {cache.Status.Reason}");
}
