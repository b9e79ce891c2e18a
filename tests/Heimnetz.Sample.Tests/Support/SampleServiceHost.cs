using System.Net;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Microsoft.AspNetCore.Hosting;
using IServer = Microsoft.AspNetCore.Hosting.Server.IServer;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Heimnetz.Sample.Tests.Support;

/// <summary>
/// The sample service on a real Kestrel loopback port, its cache on a real redis-server owned by this host; the test
/// key signs tokens. Settings given to <see cref="StartAsync"/> override the service's own (e.g. a smaller rate limit).
/// </summary>
internal sealed class SampleServiceHost : IAsyncDisposable
{
    private readonly Factory factory;

    private SampleServiceHost(RedisServerProcess redis, TestTokens tokens, Factory factory, Uri address)
    {
        Redis = redis;
        Tokens = tokens;
        this.factory = factory;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public RedisServerProcess Redis { get; }

    public TestTokens Tokens { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Starts the service on a fixed endpoint (<c>Heimnetz:Cache:Endpoint</c>), or with <paramref name="discover"/> on
    /// discovery over two loopback candidates: a port nobody listens on, then the redis-server.
    /// </summary>
    public static async Task<SampleServiceHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool discover = false)
    {
        RedisServerProcess.RequireBinary();
        var redis = await RedisServerProcess.StartAsync();
        var tokens = new TestTokens();
        var all = new Dictionary<string, string?>(tokens.Settings)
        {
            [discover ? "Heimnetz:Redis:Candidates" : "Heimnetz:Cache:Endpoint"] = discover ? $"{RefusingEndpoint()},{redis.Endpoint}" : redis.Endpoint,
            ["Sample:WritePermitLimit"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new Factory(all);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SampleServiceHost(redis, tokens, factory, new Uri(address));
    }

    /// <summary>A direct connection to the same redis-server, to check what the service did or did not write.</summary>
    public async Task<IConnectionMultiplexer> ConnectRedisAsync() =>
        await ConnectionMultiplexer.ConnectAsync($"{Redis.Endpoint},abortConnect=false");

    /// <summary>A loopback port that was free a moment ago: a candidate that answers with a refusal.</summary>
    public static string RefusingEndpoint() => $"127.0.0.1:{RedisServerProcess.FreeLoopbackPort()}";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        await Redis.DisposeAsync();
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
