using System.Net;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Sample.Tests.Support;
using StackExchange.Redis;

namespace Heimnetz.Sample.Tests.Endpoints;

/// <summary>Malformed, oversized and hostile input on every endpoint: a clear 4xx, the service still answers, and Redis is untouched.</summary>
[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class BadInputTests
{
    private SampleServiceHost host = null!;
    private IConnectionMultiplexer redis = null!;
    private long keysBefore;

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

    [SetUp]
    public async Task CountKeysAsync() => keysBefore = await KeyCountAsync();

    [TearDown]
    public async Task NothingWrittenAndStillAnsweringAsync()
    {
        var keysAfter = await KeyCountAsync();
        using var status = await host.Client.GetAsync("/status");
        Assert.Multiple(() =>
        {
            Assert.That(keysAfter, Is.EqualTo(keysBefore), "bad input wrote to Redis");
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the service stopped answering");
        });
    }

    // Raw path segments as sent; Kestrel keeps %2F encoded (so '%' is the bad character) and decodes the rest.
    [TestCase("bad%20key", "' ' at position 3")]
    [TestCase("..%2F..%2Fetc%2Fpasswd", "'%' at position 2")]
    [TestCase("a/b", "'/' at position 1")]
    [TestCase("..%5C..%5Cwindows", "'\\' at position 2")]
    [TestCase("...", "only dots")]
    [TestCase("%D0%BA%D0%BB%D1%8E%D1%87", "position 0")]
    [TestCase("tab%09key", "'\\u0009' at position 3")]
    [TestCase("", "empty")]
    public async Task AnyMethod_MalformedKey_Is400NamingTheRule(string rawKey, string expected)
    {
        var token = host.Tokens.Writer("malformed");
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete })
        {
            var request = Http.Request(method, "/cache/" + rawKey, token, method == HttpMethod.Put ? Http.Bytes("x"u8.ToArray()) : null);
            using var response = await host.Client.SendAsync(request);
            var problem = await Http.ProblemAsync(response);

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"{method} {rawKey}");
                Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Invalid cache key"));
                Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(expected), $"{method} {rawKey}");
            });
        }
    }

    [Test]
    public async Task AnyMethod_KeyOf201Characters_Is400NamingTheLength()
    {
        var key = new string('k', 201);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete })
        {
            using var response = await host.Client.SendAsync(Http.Request(method, "/cache/" + key, host.Tokens.Writer("long"), method == HttpMethod.Put ? Http.Bytes([1]) : null));
            var problem = await Http.ProblemAsync(response);

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("The key is 201 characters long; expected at most 200."));
            });
        }
    }

    [Test]
    public async Task Put_BodyOneByteOver64KiB_Is413()
    {
        using var response = await host.Client.SendAsync(Http.Request(HttpMethod.Put, "/cache/too-big", host.Tokens.Writer("big"), Http.Bytes(new byte[(64 * 1024) + 1])));
        var problem = await Http.ProblemAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("The body is 65537 bytes; expected at most 65536."));
        });
    }

    [Test]
    public async Task Put_ChunkedBodyOver64KiB_Is413WithoutALengthToTrust()
    {
        // StreamContent of unknown length goes out chunked: the service must count, not trust a header.
        var content = new StreamContent(new UnknownLengthStream(new byte[1024 * 1024]));
        using var response = await host.Client.SendAsync(Http.Request(HttpMethod.Put, "/cache/chunked", host.Tokens.Writer("chunked"), content));
        var problem = await Http.ProblemAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("longer than 65536 bytes"));
        });
    }

    [Test]
    public async Task Put_EmptyBody_Is400()
    {
        using var response = await host.Client.SendAsync(Http.Request(HttpMethod.Put, "/cache/empty", host.Tokens.Writer("empty"), Http.Bytes([])));
        var problem = await Http.ProblemAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("The body is empty"));
        });
    }

    [TestCase("GET", "/status")]
    [TestCase("GET", "/cache/key")]
    [TestCase("PUT", "/cache/key")]
    [TestCase("DELETE", "/cache/key")]
    [TestCase("GET", "/health/ready")]
    [TestCase("GET", "/health/live")]
    [TestCase("GET", "/metrics")]
    [TestCase("GET", "/live")]
    [TestCase("GET", "/")]
    public async Task AnyEndpoint_HeadersOver64KiB_Is431(string method, string path)
    {
        var request = Http.Request(new HttpMethod(method), path, host.Tokens.Writer("headers"), method == "PUT" ? Http.Bytes([1]) : null);
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 64 * 1024));

        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestHeaderFieldsTooLarge));
    }

    [Test]
    public async Task Put_TokenOver64KiB_Is431BeforeAnyWrite()
    {
        var huge = host.Tokens.Writer("huge") + new string('A', 100 * 1024);

        using var response = await host.Client.SendAsync(Http.Request(HttpMethod.Put, "/cache/huge-token", huge, Http.Bytes([1])), HttpCompletionOption.ResponseHeadersRead);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestHeaderFieldsTooLarge));
    }

    [Test]
    public async Task Get_KeyLongerThanTheRequestLine_Is414()
    {
        using var response = await host.Client.GetAsync("/cache/" + new string('k', 16 * 1024));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestUriTooLong));
    }

    [TestCase("POST")]
    [TestCase("PATCH")]
    public async Task Cache_UnsupportedMethod_Is405(string method)
    {
        using var response = await host.Client.SendAsync(Http.Request(new HttpMethod(method), "/cache/key", host.Tokens.Writer("methods"), Http.Bytes([1])));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    private async Task<long> KeyCountAsync() =>
        (long)await redis.GetDatabase().ExecuteAsync("DBSIZE");

    /// <summary>A stream that will not say how long it is, so the request goes out chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
