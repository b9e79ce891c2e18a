using System.Globalization;
using System.Text.Json.Nodes;
using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Remedies;
using Heimnetz.Discovery;
using static Heimnetz.Tests.Diagnostics.DoctorContexts;

namespace Heimnetz.Tests.Diagnostics.Remedies;

[TestFixture]
public sealed class RemedyActionUnitTests
{
    // One action of every kind, with parameter values no prose template could contain by accident.
    private static readonly RemedyAction[] Samples =
    [
        new AddExtraHost("alias-q1", "10.9.8.7"),
        new AttachNetwork("svc-q2", "net-q3"),
        new SetRedisUrl("rediss://cache-q4:6390", "because-q5"),
        new StartDevelopmentRedis(6397),
        new MovePublishedPort("squatter-q6", 6379, 6393),
        new NoAutomaticRemedy("steps-q7.", "reason-q8", "fixer-q9"),
    ];

    private static IEnumerable<RemedyAction> AllSamples() => Samples;

    [Test]
    public void Samples_CoverEveryKindAndEveryActionType()
    {
        var types = typeof(RemedyAction).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(RemedyAction)) && !type.IsAbstract);

        Assert.Multiple(() =>
        {
            Assert.That(Samples.Select(action => action.Kind), Is.EquivalentTo(RemedyKinds.All));
            Assert.That(Samples.Select(action => action.GetType()), Is.EquivalentTo(types));
            Assert.That(RemedyKinds.All, Is.Unique.And.All.Match("^[a-z]+(-[a-z]+)*$"));
        });
    }

    [TestCaseSource(nameof(AllSamples))]
    public void Describe_AnyAction_NamesEveryParameterValue(RemedyAction action)
    {
        var values = action.GetType().GetProperties()
            .Where(property => property.DeclaringType == action.GetType() && property.Name is not (nameof(RemedyAction.Kind) or "EqualityContract"))
            .Select(property => Convert.ToString(property.GetValue(action), CultureInfo.InvariantCulture))
            .OfType<string>()
            .ToList();

        Assert.That(values, Is.Not.Empty);
        Assert.That(values, Is.All.Matches<string>(value => action.Describe().Contains(value.TrimEnd('.'), StringComparison.Ordinal)), action.Describe());
    }

    [TestCaseSource(nameof(AllSamples))]
    public void Json_AnyAction_ReadsBackEqual(RemedyAction action)
    {
        var json = RemedyActionJson.Write(action);

        var read = RemedyActionJson.Read(JsonNode.Parse(json.ToJsonString())!.AsObject(), (action as NoAutomaticRemedy)?.Steps);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(action));
            Assert.That(json["kind"]!.GetValue<string>(), Is.EqualTo(action.Kind));
        });
    }

    [Test]
    public void Finding_ActionReplacedWithWith_RendersTheProseAgain()
    {
        var finding = new Finding(FindingCodes.PortConflict, FindingSeverity.Warning, "t", [], new StartDevelopmentRedis(6380));

        var moved = finding with { Action = new StartDevelopmentRedis(6391) };

        Assert.That(moved.Remedy, Is.EqualTo(new StartDevelopmentRedis(6391).Describe()).And.Contain("6391"));
    }

    [Test]
    public void Json_UnknownKind_NamesTheKindAndTheKnownOnes()
    {
        var error = Assert.Throws<FormatException>(() => RemedyActionJson.Read(new JsonObject { ["kind"] = "reboot-the-internet" }));

        Assert.That(error!.Message, Does.Contain("'reboot-the-internet'").And.Contain(RemedyKinds.AddExtraHost));
    }

    [Test]
    public void Json_PortNotANumber_NamesTheField()
    {
        var error = Assert.Throws<FormatException>(() => RemedyActionJson.Read(new JsonObject { ["kind"] = RemedyKinds.StartDevelopmentRedis, ["port"] = "six" }));

        Assert.That(error!.Message, Does.Contain("'port'").And.Contain("\"six\""));
    }

    // A context per finding code: together they make doctor emit every code, so a new code fails here until it is added.
    private static IEnumerable<TestCaseData> EveryCode()
    {
        var timeout = Result("redis", 6379, ProbeOutcome.Timeout, detail: "no answer");
        yield return Case("engine and compose ok, names resolve, port held by Redis", Live(Host, Found(Ready("localhost", 6379))));
        yield return Case("engine not installed, compose missing", Live(Host, Found(), new EngineProbeResult(EngineState.NotInstalled, "unix:///var/run/docker.sock", null, null, null, null)) with { Compose = new ComposeProbeResult(true, null, null, ["docker compose: not found"]) });
        yield return Case("engine not visible", Live(DockerBridge(), Found(Ready("redis", 6379)), new EngineProbeResult(EngineState.NotVisible, "unix:///var/run/docker.sock", null, null, null, null)));
        yield return Case("engine unreachable", Live(Host, Found(), new EngineProbeResult(EngineState.Unreachable, "unix:///var/run/docker.sock", "/usr/bin/docker", null, null, "permission denied")));
        yield return Case("engine api too old", Live(Host, Found(), new EngineProbeResult(EngineState.Reachable, "unix:///var/run/docker.sock", null, "20.10", "1.41", null)));
        yield return Case("engine not checked", Live(Host, Found(), EngineProbeResult.NotChecked));
        yield return Case("replay", Replay(DockerBridge()));
        yield return Case("names unresolved, host alias missing, default bridge", Live(DockerBridge("8.8.8.8"), Found(), names: [new NameResolution("redis", [], "does not resolve")]));
        yield return Case("names resolve", Live(DockerBridge(hostAliases: "host.docker.internal=172.17.0.1"), Found(Ready("redis", 6379)), names: [new NameResolution("redis", ["172.18.0.2"], null)]));
        yield return Case("port conflict", Live(Host, Found(Result("localhost", 6379, ProbeOutcome.NotRedis, detail: "HTTP/1.1 400"))));
        yield return Case("port conflict by a container", Live(Host, Found(Result("localhost", 6379, ProbeOutcome.NotRedis, detail: "HTTP/1.1 400")), ReachableEngine(new PublishedPort("web", "nginx", 6379, 80, null))));
        yield return Case("auth required", Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.AuthRequired, detail: "NOAUTH"))));
        yield return Case("auth failed", Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.AuthFailed, detail: "WRONGPASS", credentials: new RedisCredentials(null, "x")))));
        yield return Case("peer timeout and not redis", Live(DockerBridge(), Found(timeout, Result("redis-dev", 6379, ProbeOutcome.NotRedis, 1, "HTTP/1.1 400"))));
        yield return Case("not redis beside a ready redis", Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.NotRedis, detail: "HTTP/1.1 400"), Ready("redis-dev", 6379, priority: 1))));
        yield return Case("tls only port", Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.Unreachable, detail: $"closed; {TlsDiagnosis.TlsOnlyPortHint}"))));
        yield return Case("starved", Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.Inconclusive, detail: "starved"))));
    }

    private static TestCaseData Case(string name, DoctorContext context) => new TestCaseData(context).SetName($"Diagnose_{name.Replace(' ', '_')}_EveryRemedyIsRenderedFromItsAction");

    [TestCaseSource(nameof(EveryCode))]
    public void Diagnose_Context_EveryRemedyIsRenderedFromItsAction(DoctorContext context)
    {
        var findings = DoctorRunner.Diagnose(context).Findings;

        Assert.That(findings, Is.Not.Empty);
        Assert.That(findings, Is.All.Matches<Finding>(finding => finding.Remedy == finding.Action?.Describe()));
    }

    [Test]
    public void Diagnose_AllContexts_EmitEveryCodeAndTheExpectedRemedyKind()
    {
        var findings = EveryCode().SelectMany(data => DoctorRunner.Diagnose((DoctorContext)data.Arguments[0]!).Findings).ToList();

        // What each code's remedy is, as documented in docs/doctor-json.md: null = nothing to do.
        var expected = new Dictionary<string, string[]>
        {
            [FindingCodes.EngineOk] = [], [FindingCodes.ComposeOk] = [], [FindingCodes.RuntimeEnvironment] = [],
            [FindingCodes.RedisCandidates] = [], [FindingCodes.ServiceNamesResolve] = [], [FindingCodes.PortHeldByRedis] = [],
            [FindingCodes.EngineNotInstalled] = [RemedyKinds.None], [FindingCodes.EngineNotVisible] = [RemedyKinds.None],
            [FindingCodes.EngineUnreachable] = [RemedyKinds.None], [FindingCodes.EngineApiTooOld] = [RemedyKinds.None],
            [FindingCodes.EngineNotChecked] = [RemedyKinds.None], [FindingCodes.ComposeMissing] = [RemedyKinds.None],
            [FindingCodes.LiveChecksSkipped] = [RemedyKinds.None],
            [FindingCodes.ServiceNameUnresolved] = [RemedyKinds.AttachNetwork], [FindingCodes.DefaultBridgeNoDns] = [RemedyKinds.AttachNetwork],
            [FindingCodes.HostAliasMissing] = [RemedyKinds.AddExtraHost],
            [FindingCodes.PortConflict] = [RemedyKinds.StartDevelopmentRedis, RemedyKinds.MovePublishedPort],
            [FindingCodes.AuthRequired] = [RemedyKinds.None], [FindingCodes.AuthFailed] = [RemedyKinds.None],
            [FindingCodes.PeerTimeout] = [RemedyKinds.None, RemedyKinds.SetRedisUrl], [FindingCodes.NotRedis] = [RemedyKinds.None, RemedyKinds.SetRedisUrl],
            [FindingCodes.TlsFailed] = [RemedyKinds.SetRedisUrl, RemedyKinds.None], [FindingCodes.DiscoveryInconclusive] = [RemedyKinds.None],
            [FindingCodes.CacheMemoryMode] = [RemedyKinds.StartDevelopmentRedis, RemedyKinds.None],
        };

        Assert.Multiple(() =>
        {
            Assert.That(expected.Keys, Is.EquivalentTo(FindingCodes.All), "every code has an expected remedy");
            Assert.That(FindingCodes.All.Except(findings.Select(finding => finding.Code)), Is.Empty, "every code is emitted by some context");
            foreach (var finding in findings)
            {
                Assert.That(finding.Action?.Kind, expected[finding.Code].Length == 0 ? Is.Null : Is.AnyOf(expected[finding.Code]), $"{finding.Code}: {finding.Title}");
            }
        });
    }

    [Test]
    public void PortConflict_ByAProcessOn6379_StartsRedisOnTheFirstPortNothingHolds()
    {
        var context = Live(Host, Found(Result("localhost", 6379, ProbeOutcome.NotRedis, detail: "HTTP/1.1 400"), Ready("localhost", 6380, priority: 1)));

        var finding = DoctorRunner.Diagnose(context).Findings.Single(finding => finding.Code == FindingCodes.PortConflict);

        Assert.That(finding.Action, Is.EqualTo(new StartDevelopmentRedis(6381)));
    }

    [Test]
    public void PortConflict_ByAContainer_MovesItsPublishedPort()
    {
        var context = Live(Host, Found(Result("localhost", 6379, ProbeOutcome.NotRedis, detail: "HTTP/1.1 400")), ReachableEngine(new PublishedPort("web", "nginx", 6379, 80, null)));

        var finding = DoctorRunner.Diagnose(context).Findings.Single(finding => finding.Code == FindingCodes.PortConflict);

        Assert.That(finding.Action, Is.EqualTo(new MovePublishedPort("web", 6379, 6380)));
    }

    [Test]
    public void NotRedis_BesideARedisThatAnswered_PointsRedisUrlAtThatRedis()
    {
        var context = Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.NotRedis, detail: "HTTP/1.1 400"), Ready("redis-dev", 6379, priority: 1)));

        var finding = DoctorRunner.Diagnose(context).Findings.Single(finding => finding.Code == FindingCodes.NotRedis);

        Assert.That(finding.Action, Is.TypeOf<SetRedisUrl>().With.Property(nameof(SetRedisUrl.Url)).EqualTo("redis://redis-dev:6379"));
    }

    [Test]
    public void PeerTimeout_BesideARedisThatAnswered_PointsRedisUrlAtThatRedis()
    {
        var context = Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.Timeout, detail: "no answer"), Ready("redis-dev", 6379, priority: 1)));

        var finding = DoctorRunner.Diagnose(context).Findings.Single(finding => finding.Code == FindingCodes.PeerTimeout);

        Assert.That(finding.Action, Is.TypeOf<SetRedisUrl>().With.Property(nameof(SetRedisUrl.Url)).EqualTo("redis://redis-dev:6379"));
    }

    [Test]
    public void NotRedis_WithNoRedisAnywhere_SaysWhoKnowsWhereTheRealRedisIs()
    {
        var context = Live(DockerBridge(), Found(Result("redis", 6379, ProbeOutcome.NotRedis, detail: "HTTP/1.1 400")));

        var finding = DoctorRunner.Diagnose(context).Findings.Single(finding => finding.Code == FindingCodes.NotRedis);

        Assert.That(finding.Action, Is.TypeOf<NoAutomaticRemedy>());
    }
}
