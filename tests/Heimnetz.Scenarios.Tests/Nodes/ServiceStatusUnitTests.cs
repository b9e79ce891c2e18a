using System.Text.Json;
using Heimnetz.Harness.Fixtures.Nodes;

namespace Heimnetz.Scenarios.Tests.Nodes;

public sealed class ServiceStatusUnitTests
{
    // Trimmed from a real GET /status of the sample service in the bridge-service-name scenario.
    private const string OnRedis = """
        {"schema":"heimnetz.status/1","service":{"startedAt":"2026-11-28T11:00:00+00:00","uptimeSeconds":4.2},
         "environment":{"container":"docker","cgroupVersion":2,"networkMode":"bridge","defaultGateway":"172.18.0.1","evidence":[]},
         "discovery":{"mode":"catalog","modeReason":"nothing is configured","report":{"candidates":[],"chosen":"redis:6379","elapsedMs":12.5}},
         "cache":{"mode":"redis","endpoint":"redis:6379","reason":"connected","transitions":[
           {"from":"memory","to":"redis","at":"2026-11-28T11:00:01.5+00:00","reason":"connected","endpoint":"redis:6379"}]}}
        """;

    [Test]
    public void Parse_StatusOnRedis_ReadsModeChosenAndTransitions()
    {
        var status = ServiceStatus.Parse(OnRedis);

        Assert.Multiple(() =>
        {
            Assert.That(status.DiscoveryMode, Is.EqualTo("catalog"));
            Assert.That(status.Chosen, Is.EqualTo("redis:6379"));
            Assert.That(status.CacheMode, Is.EqualTo("redis"));
            Assert.That(status.Transitions.Select(t => $"{t.From}>{t.To}"), Is.EqualTo(new[] { "memory>redis" }));
            Assert.That(status.Transitions[0].At, Is.EqualTo(new DateTimeOffset(2026, 11, 28, 11, 0, 1, 500, TimeSpan.Zero)));
            Assert.That(status.Settled, Is.True);
            Assert.That(status.Body, Is.EqualTo(OnRedis), "kept whole, for the secret check");
        });
    }

    [Test]
    public void Settled_ChosenButStillInMemory_IsFalseUntilTheCacheConnects()
    {
        var connecting = ServiceStatus.Parse(OnRedis.Replace("\"mode\":\"redis\"", "\"mode\":\"memory\"", StringComparison.Ordinal));
        var notYetDiscovered = ServiceStatus.Parse(OnRedis.Replace("\"report\":{\"candidates\":[],\"chosen\":\"redis:6379\",\"elapsedMs\":12.5}", "\"report\":null", StringComparison.Ordinal));
        var noneChosen = ServiceStatus.Parse(OnRedis.Replace("\"chosen\":\"redis:6379\"", "\"chosen\":null", StringComparison.Ordinal).Replace("\"mode\":\"redis\"", "\"mode\":\"memory\"", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(connecting.Settled, Is.False, "chosen, not connected yet");
            Assert.That(notYetDiscovered.Settled, Is.False, "discovery has not run");
            Assert.That(noneChosen.Settled, Is.True, "nothing chosen: memory is where it stays");
        });
    }

    [Test]
    public void Parse_AnotherSchema_ThrowsNamingTheSchemaItGot()
    {
        var error = Assert.Throws<JsonException>(() => ServiceStatus.Parse("""{"schema":"heimnetz.probe/1"}"""));

        Assert.That(error!.Message, Does.Contain("heimnetz.status/1").And.Contain("'heimnetz.probe/1'"));
    }
}
