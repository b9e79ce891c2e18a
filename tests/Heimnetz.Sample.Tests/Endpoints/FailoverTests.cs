using System.Net;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Sample.Tests.Support;

namespace Heimnetz.Sample.Tests.Endpoints;

[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class FailoverTests
{
    [Test]
    public async Task RedisKilledAndRestarted_ServiceKeepsAnswering_StatusShowsMemoryThenRedis()
    {
        await using var host = await SampleServiceHost.StartAsync();
        await Http.WaitForModeAsync(host.Client, "redis");
        var token = host.Tokens.Writer("failover");

        await host.Redis.KillAsync();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var put = await host.Client.SendAsync(Http.Request(HttpMethod.Put, $"/cache/outage:{i}", token, Http.Bytes([(byte)i])));
            using var get = await host.Client.GetAsync($"/cache/outage:{i}");
            codes.Add(put.StatusCode);
            codes.Add(get.StatusCode);
        }

        var duringOutage = await Http.WaitForModeAsync(host.Client, "memory");
        using var readyDuringOutage = await host.Client.GetAsync("/health/ready");
        var readyText = await readyDuringOutage.Content.ReadAsStringAsync();

        await host.Redis.RestartAsync();
        var afterReturn = await Http.WaitForModeAsync(host.Client, "redis");
        var transitions = afterReturn.GetProperty("cache").GetProperty("transitions").EnumerateArray()
            .Select(transition => $"{transition.GetProperty("from").GetString()}->{transition.GetProperty("to").GetString()}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(codes, Is.All.EqualTo(HttpStatusCode.NoContent).Or.EqualTo(HttpStatusCode.OK), "every request during the outage answered 2xx");
            Assert.That(codes.Count(code => code == HttpStatusCode.OK), Is.EqualTo(20), "each value written during the outage was read back");
            Assert.That(duringOutage.GetProperty("cache").GetProperty("reason").GetString(), Is.Not.Empty);
            Assert.That(readyDuringOutage.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Degraded still serves");
            Assert.That(readyText, Is.EqualTo("Degraded"));
            Assert.That(transitions, Is.EqualTo(new[] { "memory->redis", "redis->memory", "memory->redis" }));
        });
    }
}
