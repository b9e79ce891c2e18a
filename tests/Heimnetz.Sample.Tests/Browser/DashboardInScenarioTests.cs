using Heimnetz.Harness.Fixtures.Engine;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Situations;

namespace Heimnetz.Sample.Tests.Browser;

/// <summary>
/// The dashboard of the sample service image as it runs inside the failover-stop scenario (beside the probe, traffic
/// from a client container), watched live in headless Chromium while Redis is stopped and started again.
/// </summary>
[TestFixture]
[Category(DockerRequirement.Category)]
[Category(HeadlessChromium.Category)]
public sealed class DashboardInScenarioTests
{
    private const string Mode = "document.getElementById('mode').dataset.mode";

    [Test]
    public async Task Dashboard_InFailoverStopScenario_PageShowsMemoryThenRedisWithoutReload()
    {
        await DockerRequirement.EnsureAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        HeadlessChromium? browser = null;
        string? loadedAt = null;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scenario = new FailoverStop
        {
            // The drill waits for this before it breaks Redis: the page is open, on Redis, and its live stream is up.
            ServiceStarted = async (service, cancellationToken) =>
            {
                browser = await HeadlessChromium.OpenAsync(service.HostAddress!, cancellationToken);
                await browser.WaitForAsync(Mode, "redis", cancellationToken);
                await browser.WaitForAsync("document.getElementById('stream').dataset.stream", "open", cancellationToken);
                loadedAt = (await browser.EvaluateAsync("performance.timeOrigin", cancellationToken))?.ToString();
                ready.SetResult();
            },
        };

        try
        {
            var run = new ScenarioEngine().RunOneAsync(scenario, LogicalImage.Redis70, keep: false, timeout.Token);
            if (await Task.WhenAny(ready.Task, run) == run)
            {
                Assert.Fail($"The scenario ended before the dashboard was open: {(await run).Describe()}");
            }

            await browser!.WaitForAsync(Mode, "memory", timeout.Token);
            await browser.WaitForAsync(Mode, "redis", timeout.Token);
            var transitions = (await browser.EvaluateAsync("[...document.querySelectorAll('#transitions li')].map(li => li.textContent).join('\\n')", timeout.Token))?.ToString();
            var reloadedAt = (await browser.EvaluateAsync("performance.timeOrigin", timeout.Token))?.ToString();
            var result = await run;

            Assert.Multiple(() =>
            {
                // Ran through; its own invariants are the matrix's to judge (a shared machine's host port 6379 can sway them).
                Assert.That(result.Status, Is.Not.EqualTo(ScenarioStatus.Failed), result.Describe());
                Assert.That(transitions, Does.Contain("redis → memory"), "the page lists the switch to memory");
                Assert.That(reloadedAt, Is.EqualTo(loadedAt), "the page saw the changes live, not by reloading");
            });
        }
        finally
        {
            if (browser is not null)
            {
                await browser.DisposeAsync();
            }
        }
    }
}
