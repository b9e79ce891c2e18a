using Heimnetz.Diagnostics.Remedies;
using Heimnetz.Harness.Scenarios.Model;
using Heimnetz.Harness.Scenarios.Remedies;
using Heimnetz.Scenarios.Tests.Model;

namespace Heimnetz.Scenarios.Tests.Remedies;

/// <summary>How the matrix reads the doctor's remedies and judges what they did: the remedy column and its invariant.</summary>
public sealed class RemedyPlanUnitTests
{
    // A doctor report as `heimnetz doctor --json` writes it (heimnetz.doctor/1), trimmed to the fields the matrix reads.
    private const string IsolatedReport = """
        {"schema":"heimnetz.doctor/1","verdict":"broken","findings":[
          {"code":"runtime-environment","severity":"info","remedy":null,"action":null},
          {"code":"host-alias-missing","severity":"warning","remedy":"r","action":{"kind":"add-extra-host","host":"host.docker.internal","target":"host-gateway"}},
          {"code":"cache-memory-mode","severity":"error","remedy":"r","action":{"kind":"start-development-redis","port":6379}},
          {"code":"service-name-unresolved","severity":"warning","remedy":"r","action":{"kind":"attach-network","service":"redis","network":null}}
        ]}
        """;

    [Test]
    public void Parse_DoctorJson_ReadsEveryFindingsAction()
    {
        var doctor = DoctorVerdict.Parse(IsolatedReport);

        Assert.That(doctor.Findings.Select(finding => finding.Action), Is.EqualTo(new RemedyAction?[]
        {
            null,
            new AddExtraHost("host.docker.internal", "host-gateway"),
            new StartDevelopmentRedis(6379),
            new AttachNetwork("redis", null),
        }));
    }

    [Test]
    public void Parse_AnActionOfUnknownKind_NamesTheKind()
    {
        var json = IsolatedReport.Replace("\"add-extra-host\"", "\"reboot-the-host\"", StringComparison.Ordinal);

        Assert.That(() => DoctorVerdict.Parse(json), Throws.TypeOf<FormatException>().With.Message.Contains("reboot-the-host"));
    }

    [Test]
    public void For_IsolatedApp_StartsRedisBeforeAttachingItsNetworkAndSkipsInfoFindings()
    {
        var plan = RemedyPlan.For(DoctorVerdict.Parse(IsolatedReport));

        Assert.Multiple(() =>
        {
            Assert.That(plan.Kinds, Is.EqualTo(new[] { "start-development-redis", "attach-network", "add-extra-host" }));
            Assert.That(plan.Blockers, Is.Empty);
        });
    }

    [Test]
    public void For_AWrongPassword_IsBlockedByTheReasonTheDoctorGives()
    {
        var doctor = new DoctorVerdict("broken",
        [
            new DoctorFinding("host-alias-missing", "warning", new AddExtraHost("host.docker.internal", "host-gateway")),
            new DoctorFinding("auth-failed", "error", new NoAutomaticRemedy("s", "needs the password", "whoever knows it")),
            new DoctorFinding("cache-memory-mode", "error", new NoAutomaticRemedy("s", "needs the password", "whoever knows it")),
        ]);

        var plan = RemedyPlan.For(doctor);

        Assert.That(RemedyOutcome.NoneApplies(plan.Blockers).Text, Is.EqualTo("no remedy (needs the password)"));
    }

    [Test]
    public void For_AProblemWithoutAnyAction_BlocksAndNamesTheCode()
    {
        var plan = RemedyPlan.For(new DoctorVerdict("degraded", [new DoctorFinding("peer-timeout", "warning", null)]));

        Assert.That(plan.Blockers, Is.EqualTo(new[] { "the doctor names no remedy for peer-timeout" }));
    }

    [Test]
    public void For_AHealthyDoctor_HasNothingToDo()
    {
        var plan = RemedyPlan.For(new DoctorVerdict("healthy", [new DoctorFinding("engine-ok", "info", null)]));

        Assert.That(plan.IsEmpty, Is.True);
    }

    [Test]
    public void RemediesProven_RemediesLeftTheAppDegraded_TurnsTheCellRed()
    {
        var seen = Observations.Seen() with { Remedy = RemedyOutcome.Applied("degraded", "degraded", "degraded: peer-timeout", ["set-redis-url"]) };

        Assert.That(Invariant.RemediesProven.Check(seen, null!), Is.EqualTo("the remedies left the app degraded: peer-timeout"));
    }

    [Test]
    public void RemediesProven_RemediesMadeTheAppHealthy_Holds()
    {
        var outcome = RemedyOutcome.Applied("degraded", "healthy", "healthy", ["set-redis-url"]);

        Assert.Multiple(() =>
        {
            Assert.That(Invariant.RemediesProven.Check(Observations.Seen() with { Remedy = outcome }, null!), Is.Null);
            Assert.That(outcome.Text, Is.EqualTo("degraded → healthy after set-redis-url"));
        });
    }

    [Test]
    public void RemediesProven_ADoctorProblemAndNoRemedyTried_TurnsTheCellRed()
    {
        var seen = Observations.Seen() with { Doctor = new DoctorVerdict("degraded", [new DoctorFinding("not-redis", "warning", null)]) };

        Assert.That(Invariant.RemediesProven.Check(seen, null!), Is.EqualTo("the doctor's remedies were not tried"));
    }

    [Test]
    public void RemediesProven_NotApplicable_TurnsTheCellRedWithTheReason()
    {
        var seen = Observations.Seen() with { Remedy = RemedyOutcome.NotApplied("broken", "move-published-port is a remedy on the host") };

        Assert.That(Invariant.RemediesProven.Check(seen, null!), Is.EqualTo("move-published-port is a remedy on the host"));
    }

}
