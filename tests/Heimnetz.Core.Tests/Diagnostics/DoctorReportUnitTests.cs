using System.Text.Json;
using Heimnetz.Diagnostics;
using Heimnetz.Discovery;
using static Heimnetz.Tests.Diagnostics.DoctorContexts;

namespace Heimnetz.Tests.Diagnostics;

[TestFixture]
public sealed class DoctorReportUnitTests
{
    [Test]
    public void Diagnose_RedisChosenAndNothingWrong_IsHealthy()
    {
        var context = Live(DockerBridge("127.0.0.11", "host.docker.internal=172.17.0.1"), Found(Ready("redis", 6379)), names: [new NameResolution("redis", ["172.18.0.2"], null)]);

        var report = Diagnostics(context);

        Assert.That(report.Verdict, Is.EqualTo(DoctorVerdict.Healthy), string.Join("\n", report.Findings));
    }

    [Test]
    public void Diagnose_RedisChosenButAHigherCandidateRejectsUs_IsDegraded()
    {
        var context = Live(Host, Found(Result("cache.example.invalid", 6379, ProbeOutcome.AuthFailed, 0, "rejected", source: CandidateSource.Env), Ready("localhost", 6379, 1)));

        Assert.That(Diagnostics(context).Verdict, Is.EqualTo(DoctorVerdict.Degraded));
    }

    [Test]
    public void Diagnose_NoUsableRedis_IsBroken()
    {
        var context = Live(Host, Found(Result("localhost", 6379, ProbeOutcome.Refused)));

        Assert.That(Diagnostics(context).Verdict, Is.EqualTo(DoctorVerdict.Broken));
    }

    [Test]
    public void Diagnose_ReplayWithWarnings_IsDegradedNeverBroken()
    {
        var report = Diagnostics(Replay(DockerBridge("192.168.1.1")));

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(DoctorVerdict.Degraded));
            Assert.That(report.Findings.Select(finding => finding.Code), Is.SupersetOf(new[] { FindingCodes.LiveChecksSkipped, FindingCodes.DefaultBridgeNoDns, FindingCodes.HostAliasMissing }));
        });
    }

    [Test]
    public void Diagnose_PeerEchoesThePassword_ThePasswordIsMaskedEverywhere()
    {
        const string Password = "s3cret-Pa55word";
        var configuration = DiscoveryConfiguration.Empty with { FallbackCredentials = new RedisCredentials(null, Password) };
        var context = Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.NotRedis, 0, $"answered '-ERR unknown AUTH {Password}'")), configuration: configuration);

        var json = DoctorReportJson.Serialize(Diagnostics(context));

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Not.Contain(Password));
            Assert.That(json, Does.Contain("AUTH ***"));
        });
    }

    [Test]
    public void Serialize_Report_HasTheSmallStableShape()
    {
        var report = Diagnostics(Live(Host, Found(Result("localhost", 6379, ProbeOutcome.Refused))));

        using var document = JsonDocument.Parse(DoctorReportJson.Serialize(report));

        var root = document.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(property => property.Name), Is.EqualTo(new[] { "schema", "verdict", "findings" }));
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("heimnetz.doctor/1"));
            Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("broken"));
            var first = root.GetProperty("findings")[0];
            Assert.That(first.EnumerateObject().Select(property => property.Name), Is.EqualTo(new[] { "code", "severity", "title", "observed", "remedy", "action" }));
            Assert.That(root.GetProperty("findings").EnumerateArray().Select(finding => finding.GetProperty("severity").GetString()), Is.All.AnyOf("ok", "info", "warning", "error"));
        });
    }

    [Test]
    public void FindingCodes_All_AreUniqueKebabCase()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FindingCodes.All, Is.Unique);
            Assert.That(FindingCodes.All, Is.All.Match("^[a-z]+(-[a-z]+)*$"));
            var constants = typeof(FindingCodes).GetFields().Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!);
            Assert.That(FindingCodes.All, Is.EquivalentTo(constants), "every constant is listed in All");
        });
    }

    [Test]
    public void Diagnose_EveryFindingCode_IsRegistered()
    {
        var contexts = new[]
        {
            Live(Host, Found(Ready("localhost", 6379), Result("localhost", 6380, ProbeOutcome.NotRedis, 1, "HTTP/1.1"))),
            Live(DockerBridge("192.168.1.1"), Found(Result("redis", 6379, ProbeOutcome.AuthRequired), Result("redis-dev", 6379, ProbeOutcome.AuthFailed, 1), Result("localhost", 6379, ProbeOutcome.Timeout, 2)), names: [new NameResolution("redis", [], "no")]),
            Replay(Host),
        };

        var codes = contexts.SelectMany(context => Diagnostics(context).Findings).Select(finding => finding.Code).Distinct();

        Assert.That(FindingCodes.All, Is.SupersetOf(codes));
    }

    private static DoctorReport Diagnostics(DoctorContext context)
    {
        var report = DoctorRunner.Diagnose(context);
        foreach (var finding in report.Findings)
        {
            TestContext.Out.WriteLine($"{finding.Severity,-8} {finding.Code,-24} {finding.Title}");
        }

        return report;
    }
}
