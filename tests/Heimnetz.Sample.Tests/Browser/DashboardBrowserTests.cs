using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Sample.Tests.Support;

namespace Heimnetz.Sample.Tests.Browser;

[TestFixture]
[Category(HeadlessChromium.Category)]
[Category(RedisServerProcess.Category)]
public sealed class DashboardBrowserTests
{
    private const string Mode = "document.getElementById('mode').dataset.mode";

    // Each item reads "<time>: <from> → <to> (<reason>)"; the time has no ": " in it.
    private const string LastTwoTransitions =
        "Array.from(document.querySelectorAll('#transitions li')).slice(-2).map(li => li.textContent.split(': ')[1].split(' (')[0]).join(' | ')";

    [Test]
    public async Task Dashboard_RedisKilledAndRestarted_PageShowsMemoryThenRedisWithoutReload()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var host = await SampleServiceHost.StartAsync(discover: true);
        await Http.WaitForModeAsync(host.Client, "redis");
        await using var browser = await HeadlessChromium.OpenAsync(host.Address, timeout.Token);
        await browser.WaitForAsync(Mode, "redis", timeout.Token);
        await browser.WaitForAsync("document.getElementById('stream').dataset.stream", "open", timeout.Token);
        var loadedAt = (await browser.EvaluateAsync("performance.timeOrigin", timeout.Token))?.ToString();

        await host.Redis.KillAsync();
        await browser.WaitForAsync(Mode, "memory", timeout.Token);
        // Two live ticks on memory, so the chart's outage band is there to see; then Redis comes back.
        await browser.WaitForAsync("String(points.filter(p => p.mode === 'memory').length >= 2)", "true", timeout.Token);
        await host.Redis.RestartAsync();
        await browser.WaitForAsync(Mode, "redis", timeout.Token);
        await browser.WaitForAsync("String(points.slice(-3).every(p => p.mode === 'redis') && points.length >= 8)", "true", timeout.Token);
        var screenshot = await browser.ScreenshotAsync(timeout.Token);
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "sample-dashboard.png");
        await File.WriteAllBytesAsync(path, screenshot, timeout.Token);
        TestContext.AddTestAttachment(path, "the dashboard after a Redis outage and return");

        Assert.Multiple(async () =>
        {
            Assert.That((await browser.EvaluateAsync("document.querySelectorAll('#chart rect').length", timeout.Token))?.GetValue<int>(), Is.GreaterThanOrEqualTo(2), "the outage band in the chart");
            Assert.That((await browser.EvaluateAsync("performance.timeOrigin", timeout.Token))?.ToString(), Is.EqualTo(loadedAt), "the page saw the changes live, not by reloading");
            Assert.That((await browser.EvaluateAsync("document.getElementById('chosen').textContent", timeout.Token))?.ToString(), Is.EqualTo(host.Redis.Endpoint));
            // The start-up connect, the kill and the return; a starved machine may add a brief flap before the kill, so
            // the story is read from the end: the last two changes are the outage and the return.
            Assert.That((await browser.EvaluateAsync("document.querySelectorAll('#transitions li').length", timeout.Token))?.GetValue<int>(), Is.GreaterThanOrEqualTo(3));
            Assert.That((await browser.EvaluateAsync(LastTwoTransitions, timeout.Token))?.ToString(), Is.EqualTo("redis → memory | memory → redis"));
            Assert.That((await browser.EvaluateAsync($"document.querySelector('#topology [data-candidate=\"{host.Redis.Endpoint}\"]').dataset.outcome", timeout.Token))?.ToString(), Is.EqualTo("ready"));
        });
    }
}
