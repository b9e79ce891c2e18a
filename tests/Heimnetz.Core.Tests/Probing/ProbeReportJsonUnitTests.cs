using System.Text.Json;
using Heimnetz.Probing;

namespace Heimnetz.Tests.Probing;

[TestFixture]
public sealed class ProbeReportJsonUnitTests
{
    [Test]
    public void Serialize_Report_UsesContractFieldNamesAndWritesNullChosen()
    {
        var report = new ProbeReport(
            ProbeReport.CurrentSchema,
            new EnvironmentSection("docker", 2, "bridge", "172.18.0.1", ["/.dockerenv present"]),
            new DiscoverySection([new CandidateSection("redis:6379", "default", "ready", 0.8, "PONG")], null, 12.5),
            new CacheSection("memory", null));

        using var document = JsonDocument.Parse(ProbeReportJson.Serialize(report));
        var root = document.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("heimnetz.probe/1"));
            Assert.That(root.GetProperty("environment").GetProperty("cgroupVersion").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("environment").GetProperty("defaultGateway").GetString(), Is.EqualTo("172.18.0.1"));
            Assert.That(root.GetProperty("discovery").GetProperty("chosen").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("discovery").GetProperty("candidates")[0].GetProperty("latencyMs").GetDouble(), Is.EqualTo(0.8));
            Assert.That(root.GetProperty("cache").GetProperty("mode").GetString(), Is.EqualTo("memory"));
        });
    }

    [Test]
    public void Deserialize_OtherSchema_NamesTheSchema()
    {
        var json = """{"schema":"heimnetz.probe/9","environment":null,"discovery":null,"cache":null}""";

        var error = Assert.Throws<JsonException>(() => ProbeReportJson.Deserialize(json));

        Assert.That(error!.Message, Does.Contain("heimnetz.probe/9").And.Contain("heimnetz.probe/1"));
    }
}
