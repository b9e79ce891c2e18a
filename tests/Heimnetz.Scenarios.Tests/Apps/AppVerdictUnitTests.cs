using Heimnetz.Probing;
using Heimnetz.Testing;

namespace Heimnetz.Scenarios.Tests.Apps;

/// <summary>Expectations and the snapshot on records written by hand: what each reports when it fails, and what a snapshot may not contain.</summary>
public sealed class AppVerdictUnitTests
{
    private const string Gateway = "172.31.0.1";

    private static readonly Situation Situation = Situations.FailoverStop;

    [Test]
    public void AnswersThroughoutOutage_SomeAnswersWereNot200_SaysHowManyAndWhat()
    {
        var record = Record(
            Reading(AppRun.StartPhase, "Healthy", 200),
            Reading(AppRun.OutagePhase, "Degraded", 200),
            Reading(AppRun.OutagePhase, "Degraded", 503),
            Reading(AppRun.OutagePhase, "Degraded", null));

        var verdict = AppVerdict.Check(record, Expect.AnswersThroughoutOutage("/status"));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Holds, Is.False);
            Assert.That(verdict.Results[0].Failure, Is.EqualTo("2 of 3 answers were not 200: 503, no answer"));
        });
    }

    [Test]
    public void Reports_AppDegradedAfterTheRestore_NamesThePhase()
    {
        var record = Record(Reading(AppRun.StartPhase, "Healthy", 200), Reading(AppRun.AfterPhase, "Degraded", 200));

        var verdict = AppVerdict.Check(record, Expect.Reports("Healthy"), Expect.ReportsDuringOutage("Degraded"));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Results[0].Failure, Is.EqualTo("at after it reported Degraded"));
            Assert.That(verdict.Results[1].Failure, Is.EqualTo("the situation has no outage"));
        });
    }

    [Test]
    public void EnsureHolds_Failed_MessageShowsWhatTheSidecarSaw()
    {
        var record = Record(Reading(AppRun.StartPhase, "Degraded", 200));

        var error = Assert.Throws<ExpectationsFailedException>(() => AppVerdict.Check(record, Expect.Reports("Healthy")).EnsureHolds());

        Assert.That(error!.Message, Does.Contain("FAILED  app reports Healthy: at start it reported Degraded")
            .And.Contain("What the sidecar saw from inside the app's network namespace")
            .And.Contain("redis:6379 ready (PONG)")
            .And.Contain("localhost:6379 refused (connection refused)"));
    }

    [Test]
    public void ToSnapshot_ShowsRolesNotAddressesOrTimes()
    {
        var record = Record(Reading(AppRun.StartPhase, "Healthy", 200)) with { Scrubs = new Dictionary<string, string> { [Gateway] = "<bridge-gateway>" } };

        var snapshot = AppVerdict.Check(record, Expect.SidecarChooses("redis:6379"), Expect.Reports("Healthy")).ToSnapshot();

        Assert.That(snapshot, Is.EqualTo(
            """
            situation: failover-stop
              While the app runs, Redis is stopped and later started again.
            app wiring: user-defined; state from GET /health/ready
            start: app reports Healthy; sidecar chose redis:6379
            expectations:
              holds   sidecar chooses redis:6379
              holds   app reports Healthy

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void LogLines_PatternWithoutStateGroup_NamesThePatternAndWhatIsExpected()
    {
        var error = Assert.Throws<ArgumentException>(() => AppStateSource.LogLines("cache is (\\w+)"));

        Assert.That(error!.Message, Does.Contain("'cache is (\\w+)' has no group named 'state'"));
    }

    [TestCase(-1)]
    [TestCase(70000)]
    public void FromImage_PortOutOfRange_NamesTheValue(int port)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AppUnderTest.FromImage("myapp:dev", port));

        Assert.That(error!.Message, Does.Contain($"'{port}' is not a port"));
    }

    [Test]
    public void Find_UnknownSituation_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => Situations.Find("host-netwrok"));

        Assert.That(error!.Message, Does.Contain("Unknown situation 'host-netwrok'").And.Contain("host-network"));
    }

    private static AppReading Reading(string phase, string state, int? status) =>
        new(phase, DateTimeOffset.UnixEpoch, state, 200, new Dictionary<string, int?> { ["/status"] = status });

    private static AppRecord Record(params AppReading[] readings) =>
        new(Situation, "myapp:dev", "user-defined", "GET /health/ready", readings, [new SidecarView(AppRun.StartPhase, ProbeReportJson.Deserialize(SidecarJson), SidecarJson)], string.Empty);

    private const string SidecarJson = $$"""
        {
          "schema": "heimnetz.probe/1",
          "environment": { "container": "docker", "cgroupVersion": 2, "networkMode": "bridge", "defaultGateway": "{{Gateway}}", "evidence": [] },
          "discovery": {
            "candidates": [
              { "endpoint": "redis:6379", "source": "default", "outcome": "ready", "latencyMs": 0.8, "detail": "PONG" },
              { "endpoint": "localhost:6379", "source": "default", "outcome": "refused", "latencyMs": 0.1, "detail": "connection refused" }
            ],
            "chosen": "redis:6379",
            "elapsedMs": 12.5
          },
          "cache": { "mode": "redis", "roundTripMs": 0.4 }
        }
        """;
}
