using System.Text.Json;
using Heimnetz.Harness.Fixtures.LocalRedis;
using Heimnetz.Sample.Tests.Support;

namespace Heimnetz.Sample.Tests.Endpoints;

[TestFixture]
[Category(RedisServerProcess.Category)]
public sealed class StatusEndpointTests
{
    private SampleServiceHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => host = await SampleServiceHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    [Test]
    public async Task Status_OnRedis_NamesSchemaModeEndpointAndFixedDiscovery()
    {
        var status = await Http.WaitForModeAsync(host.Client, "redis");

        Assert.Multiple(() =>
        {
            Assert.That(status.GetProperty("schema").GetString(), Is.EqualTo("heimnetz.status/1"));
            Assert.That(status.GetProperty("cache").GetProperty("endpoint").GetString(), Is.EqualTo(host.Redis.Endpoint));
            Assert.That(status.GetProperty("discovery").GetProperty("mode").GetString(), Is.EqualTo("fixed"));
            Assert.That(status.GetProperty("discovery").GetProperty("modeReason").GetString(), Does.Contain("Heimnetz:Cache:Endpoint"));
            Assert.That(status.GetProperty("discovery").GetProperty("report").ValueKind, Is.EqualTo(JsonValueKind.Null), "a fixed endpoint runs no discovery");
            Assert.That(status.GetProperty("service").GetProperty("uptimeSeconds").GetDouble(), Is.GreaterThanOrEqualTo(0));
        });
    }

    [Test]
    public async Task Status_WithDiscovery_ReportsEveryCandidateTheChosenOneAndWhyTheOtherLost()
    {
        await using var discovering = await SampleServiceHost.StartAsync(discover: true);
        var status = await Http.WaitForModeAsync(discovering.Client, "redis");
        var discovery = status.GetProperty("discovery");
        var report = discovery.GetProperty("report");
        var candidates = report.GetProperty("candidates").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(discovery.GetProperty("mode").GetString(), Is.EqualTo("configured"));
            Assert.That(discovery.GetProperty("modeReason").GetString(), Does.Contain("Heimnetz:Redis:Candidates"));
            Assert.That(report.GetProperty("chosen").GetString(), Is.EqualTo(discovering.Redis.Endpoint));
            Assert.That(candidates.Select(candidate => candidate.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "refused", "ready" }));
            Assert.That(candidates[0].GetProperty("detail").GetString(), Is.Not.Empty, "the loser says why");
            Assert.That(candidates[1].GetProperty("server").GetProperty("product").GetString(), Is.EqualTo("redis"));
            Assert.That(status.GetProperty("cache").GetProperty("endpoint").GetString(), Is.EqualTo(discovering.Redis.Endpoint));
        });
    }

    [Test]
    public async Task Status_Always_CarriesEnvironmentAndTransitionShape()
    {
        var status = await Http.WaitForModeAsync(host.Client, "redis");
        var environment = status.GetProperty("environment");
        var transitions = status.GetProperty("cache").GetProperty("transitions").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(environment.GetProperty("container").GetString(), Is.AnyOf("docker", "podman", "kubernetes", "containerd", "lxc", "unknown", "none"));
            Assert.That(environment.GetProperty("networkMode").GetString(), Is.Not.Empty);
            Assert.That(environment.TryGetProperty("defaultGateway", out _), Is.True);
            Assert.That(environment.GetProperty("evidence").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(transitions, Is.Not.Empty, "reaching Redis is a transition from memory");
            Assert.That(transitions[^1].GetProperty("to").GetString(), Is.EqualTo("redis"));
            Assert.That(transitions[^1].GetProperty("from").GetString(), Is.EqualTo("memory"));
            Assert.That(transitions[^1].GetProperty("at").GetDateTimeOffset(), Is.LessThanOrEqualTo(DateTimeOffset.UtcNow));
        });
    }

    [Test]
    public async Task HealthReady_OnRedis_IsHealthy_AndLiveAnswers()
    {
        await Http.WaitForModeAsync(host.Client, "redis");

        var ready = await host.Client.GetStringAsync("/health/ready");
        var live = await host.Client.GetAsync("/health/live");

        Assert.Multiple(() =>
        {
            Assert.That(ready, Is.EqualTo("Healthy"));
            Assert.That((int)live.StatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Metrics_AfterACacheRead_ExposesHeimnetzAndAspNetCoreInstruments()
    {
        await Http.WaitForModeAsync(host.Client, "redis");
        await host.Client.GetAsync("/cache/metrics-probe");

        var metrics = await host.Client.GetStringAsync("/metrics");

        Assert.Multiple(() =>
        {
            Assert.That(metrics, Does.Contain("heimnetz_cache_mode{"));
            // Seconds, as OpenTelemetry's conventions ask; the exporter appends the unit to the name.
            Assert.That(metrics, Does.Contain("heimnetz_cache_operation_duration_seconds_bucket{"));
            Assert.That(metrics, Does.Contain("heimnetz_cache_operation=\"get\""));
            Assert.That(metrics, Does.Contain("http_server_request_duration_seconds"));
        });
    }

    [Test]
    public async Task Dashboard_IsServedAtRoot_WithNoExternalUrls()
    {
        var page = await host.Client.GetStringAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("id=\"mode\""));
            Assert.That(page, Does.Contain("new EventSource(\"live\")"));
            // Only the SVG namespace may look like a URL: the page loads nothing from elsewhere.
            Assert.That(System.Text.RegularExpressions.Regex.Matches(page, "https?://[^\"]+").Select(match => match.Value), Is.All.EqualTo("http://www.w3.org/2000/svg"));
        });
    }

    [Test]
    public async Task Live_EverySecond_SendsMetricsWithTheHeartbeatRead()
    {
        await Http.WaitForModeAsync(host.Client, "redis");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await host.Client.GetAsync("/live", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) != "event: metrics")
        {
            Assert.That(line, Is.Not.Null, "the stream ended before a metrics event");
        }

        using var metrics = JsonDocument.Parse((await reader.ReadLineAsync(timeout.Token))!["data: ".Length..]);
        var root = metrics.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("mode").GetString(), Is.EqualTo("redis"));
            Assert.That(root.GetProperty("heartbeatMs").GetDouble(), Is.GreaterThan(0));
            Assert.That(root.GetProperty("operations").GetInt32(), Is.GreaterThanOrEqualTo(1), "the heartbeat read is a cache call the meter saw");
            Assert.That(root.GetProperty("p99Ms").GetDouble(), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task Live_FirstEvent_IsTheCurrentMode()
    {
        await Http.WaitForModeAsync(host.Client, "redis");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await host.Client.GetAsync("/live", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var eventLine = await reader.ReadLineAsync(timeout.Token);
        var dataLine = await reader.ReadLineAsync(timeout.Token);

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
            Assert.That(eventLine, Is.EqualTo("event: mode"));
            Assert.That(dataLine, Does.StartWith("data: {\"mode\":\"redis\",\"endpoint\":\"" + host.Redis.Endpoint + "\""));
        });
    }
}
