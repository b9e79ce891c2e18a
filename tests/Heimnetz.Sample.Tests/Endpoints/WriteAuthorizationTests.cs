using System.Net;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Sample.Tests.Support;
using StackExchange.Redis;

namespace Heimnetz.Sample.Tests.Endpoints;

/// <summary>Writes need a valid bearer token with the <c>cache:write</c> scope; anything else is a 401/403 problem and writes nothing.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class WriteAuthorizationTests
{
    private SampleServiceHost host = null!;
    private IConnectionMultiplexer redis = null!;

    public enum Credential
    {
        None,
        Garbage,
        Expired,
        WrongSigningKey,
        NotAJwtScheme,
    }

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
    public async Task Write_WithoutAValidToken_Is401ProblemAndWritesNothing(
        [Values] Credential credential,
        [Values("PUT", "DELETE")] string method)
    {
        var key = $"auth:{credential}:{method}";
        await redis.GetDatabase().StringSetAsync("auth:sentinel", "kept");
        var request = Http.Request(new HttpMethod(method), "/cache/" + key, content: method == "PUT" ? Http.Bytes([1, 2, 3]) : null);
        switch (credential)
        {
            case Credential.Garbage:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer not.a.jwt");
                break;
            case Credential.Expired:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + host.Tokens.Expired("late"));
                break;
            case Credential.WrongSigningKey:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + TestTokens.WrongKey("forger"));
                break;
            case Credential.NotAJwtScheme:
                request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");
                break;
        }

        using var response = await host.Client.SendAsync(request);
        var problem = await Http.ProblemAsync(response);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(401));
            Assert.That(response.Headers.WwwAuthenticate.Select(header => header.Scheme), Does.Contain("Bearer"));
            Assert.That(await redis.GetDatabase().KeyExistsAsync(key), Is.False, "nothing written");
            Assert.That((string?)await redis.GetDatabase().StringGetAsync("auth:sentinel"), Is.EqualTo("kept"), "nothing deleted");
        });
    }

    [Test]
    public async Task Write_ValidTokenWithoutWriteScope_Is403ProblemAndWritesNothing()
    {
        using var response = await host.Client.SendAsync(Http.Request(HttpMethod.Put, "/cache/auth:reader", host.Tokens.Reader("reader"), Http.Bytes([1])));
        var problem = await Http.ProblemAsync(response);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(403));
            Assert.That(await redis.GetDatabase().KeyExistsAsync("auth:reader"), Is.False);
        });
    }

    [Test]
    public async Task Get_NeedsNoToken()
    {
        using var response = await host.Client.GetAsync("/cache/public-read");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
