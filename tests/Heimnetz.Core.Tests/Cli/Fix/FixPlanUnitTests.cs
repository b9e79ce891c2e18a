using Heimnetz.Cli.Fix;
using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Tests.Cli.Fix;

[TestFixture]
public sealed class FixPlanUnitTests
{
    private static readonly FixSituation EngineHere = new(EngineReachable: true, ExistingPort: null, ComposeFile: null, Service: null);

    [Test]
    public void From_BrokenWithAStartAction_StartsRedisOnItsPort()
    {
        var plan = FixPlan.From(Report(DoctorVerdict.Broken, (FindingCodes.CacheMemoryMode, new StartDevelopmentRedis(6381))), EngineHere);

        Assert.That(plan.StartRedis, Is.EqualTo(new StartDevelopmentRedis(6381)));
    }

    [Test]
    public void From_ARedisIsUsable_StartsNothing()
    {
        var plan = FixPlan.From(Report(DoctorVerdict.Degraded, (FindingCodes.PortConflict, new StartDevelopmentRedis(6380))), EngineHere);

        Assert.Multiple(() =>
        {
            Assert.That(plan.StartRedis, Is.Null);
            Assert.That(plan.Steps.Single().Skipped, Is.EqualTo("a Redis is already usable"));
        });
    }

    [Test]
    public void From_NoEngine_SaysSo()
    {
        var plan = FixPlan.From(Report(DoctorVerdict.Broken, (FindingCodes.CacheMemoryMode, new StartDevelopmentRedis(6379))), EngineHere with { EngineReachable = false });

        Assert.That(plan.Steps.Single().Skipped, Is.EqualTo("no Docker engine answers here"));
    }

    [Test]
    public void From_AnEarlierRunsRedis_ReusesItInsteadOfStartingAnother()
    {
        var plan = FixPlan.From(Report(DoctorVerdict.Broken, (FindingCodes.CacheMemoryMode, new StartDevelopmentRedis(6379))), EngineHere with { ExistingPort = 6390 });

        Assert.Multiple(() =>
        {
            Assert.That(plan.StartRedis, Is.EqualTo(new StartDevelopmentRedis(6390)));
            Assert.That(plan.Steps.Count(step => step.Applies), Is.EqualTo(1));
        });
    }

    [Test]
    public void From_WrongPassword_SkipsWithTheReasonAndWhoCanFixIt()
    {
        var plan = FixPlan.From(Report(DoctorVerdict.Broken, (FindingCodes.AuthFailed, new NoAutomaticRemedy("Fix the password.", "needs the password", "whoever knows that server's password"))), EngineHere);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Empty, Is.True);
            Assert.That(plan.Render(), Has.Some.Contains("skip   none (auth-failed): needs the password; who can fix it: whoever knows that server's password"));
        });
    }

    [Test]
    public void From_ComposeRemedyWithoutService_AsksForIt()
    {
        var plan = FixPlan.From(Report(DoctorVerdict.Broken, (FindingCodes.HostAliasMissing, new AddExtraHost("host.docker.internal", "host-gateway"))), EngineHere with { ComposeFile = "docker-compose.yml" });

        Assert.That(plan.Steps.Single().Skipped, Does.Contain("--service"));
    }

    [Test]
    public void From_ContainerTheUserOwns_NeverMovesIt()
    {
        var plan = FixPlan.From(Report(DoctorVerdict.Broken, (FindingCodes.PortConflict, new MovePublishedPort("web", 6379, 6380))), EngineHere);

        Assert.That(plan.Steps.Single().Skipped, Does.Contain("did not create"));
    }

    private static DoctorReport Report(DoctorVerdict verdict, params (string Code, RemedyAction Action)[] findings) =>
        new(verdict, [.. findings.Select(finding => new Finding(finding.Code, FindingSeverity.Warning, "t", [], finding.Action))]);
}
