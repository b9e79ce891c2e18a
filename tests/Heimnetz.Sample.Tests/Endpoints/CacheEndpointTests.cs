using System.Net;
using System.Text;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Sample.Tests.Support;
using StackExchange.Redis;

namespace Heimnetz.Sample.Tests.Endpoints;

[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class CacheEndpointTests
{
    private SampleServiceHost host = null!;
    private IConnectionMultiplexer redis = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        host = await SampleServiceHost.StartAsync();
        redis = await host.ConnectRedisAsync();
        await Http.WaitForModeAsync(host.Client, "redis");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        redis.Dispose();
        await host.DisposeAsync();
    }

    [Test]
    public async Task PutGetDelete_OnRedis_StoresTheValueInRedisAndRemovesIt()
    {
        var value = Encoding.UTF8.GetBytes("round trip through the real redis-server");
        var token = host.Tokens.Writer("round-trip");

        using var put = await host.Client.SendAsync(Http.Request(HttpMethod.Put, "/cache/orders:42", token, Http.Bytes(value)));
        var stored = (byte[]?)await redis.GetDatabase().StringGetAsync("orders:42");
        using var get = await host.Client.GetAsync("/cache/orders:42");
        var read = await get.Content.ReadAsByteArrayAsync();
        using var delete = await host.Client.SendAsync(Http.Request(HttpMethod.Delete, "/cache/orders:42", token));
        using var afterDelete = await host.Client.GetAsync("/cache/orders:42");

        Assert.Multiple(() =>
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(stored, Is.Not.Null, "the key is in Redis");
            Assert.That(stored![^value.Length..], Is.EqualTo(value), "Redis holds the value after the cache's entry header");
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(get.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"));
            Assert.That(read, Is.EqualTo(value));
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(afterDelete.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Get_MissingKey_Is404ProblemNamingTheKey()
    {
        using var response = await host.Client.GetAsync("/cache/never-written");
        var problem = await Http.ProblemAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'never-written'"));
        });
    }

    [Test]
    public async Task Put_KeyOfExactly200AndValueOfExactly64KiB_IsAccepted()
    {
        var key = new string('k', 200);
        var value = new byte[64 * 1024];
        Random.Shared.NextBytes(value);

        using var put = await host.Client.SendAsync(Http.Request(HttpMethod.Put, "/cache/" + key, host.Tokens.Writer("limits"), Http.Bytes(value)));
        var stored = (byte[]?)await redis.GetDatabase().StringGetAsync(key);

        Assert.Multiple(() =>
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(stored?[^value.Length..], Is.EqualTo(value));
        });
    }
}
