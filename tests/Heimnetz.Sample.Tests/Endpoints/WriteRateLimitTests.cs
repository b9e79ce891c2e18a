using System.Net;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Sample.Tests.Support;

namespace Heimnetz.Sample.Tests.Endpoints;

[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class WriteRateLimitTests
{
    [Test]
    public async Task Put_BeyondThePermitLimit_Is429WithRetryAfter_AndOtherCallersAreUnaffected()
    {
        // A one-minute window: the three permits cannot come back while the test runs, however slow the machine.
        await using var host = await SampleServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sample:WritePermitLimit"] = "3",
            ["Sample:WriteWindow"] = "00:01:00",
        });
        using var redis = await host.ConnectRedisAsync();
        await Http.WaitForModeAsync(host.Client, "redis");
        var token = host.Tokens.Writer("busy");

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await host.Client.SendAsync(Http.Request(HttpMethod.Put, $"/cache/rate:{i}", token, Http.Bytes([1])));
            allowed.Add(ok.StatusCode);
        }

        using var limited = await host.Client.SendAsync(Http.Request(HttpMethod.Put, "/cache/rate:3", token, Http.Bytes([1])));
        var problem = await Http.ProblemAsync(limited);
        using var otherCaller = await host.Client.SendAsync(Http.Request(HttpMethod.Put, "/cache/rate:other", host.Tokens.Writer("quiet"), Http.Bytes([1])));
        using var read = await host.Client.GetAsync("/cache/rate:0");

        Assert.Multiple(async () =>
        {
            Assert.That(allowed, Is.All.EqualTo(HttpStatusCode.NoContent));
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.Not.Null.And.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("limited to 3 per 60 s"));
            Assert.That(await redis.GetDatabase().KeyExistsAsync("rate:3"), Is.False, "a limited write writes nothing");
            Assert.That(otherCaller.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the limit is per caller");
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reads are not limited");
        });
    }
}
