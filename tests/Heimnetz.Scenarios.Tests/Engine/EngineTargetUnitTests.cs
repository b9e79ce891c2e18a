using Heimnetz.Harness.Scenarios.Cells;
using Heimnetz.Harness.Scenarios.Engine;
using Heimnetz.Harness.Scenarios.Matrix;
using Heimnetz.Harness.Scenarios.Reports;
using Heimnetz.Scenarios.Tests.Reports;

namespace Heimnetz.Scenarios.Tests.Engine;

/// <summary>The engine axis: a kind per process, a flavour per (server, engine), and a reason where a situation cannot exist.</summary>
public sealed class EngineTargetUnitTests
{
    [Test]
    public void Parse_UnknownKind_NamesItAndTheKindsThereAre()
    {
        var error = Assert.Throws<ArgumentException>(() => EngineTarget.Parse("containerd", null));

        Assert.That(error!.Message, Does.Contain("'containerd'").And.Contain("docker, podman"));
    }

    [Test]
    public void Parse_LabelWithASeparator_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => EngineTarget.Parse("docker", "runner 2/x"));

        Assert.That(error!.Message, Does.Contain("'runner 2/x'"));
    }

    [TestCase("docker", "redis-7.0", "redis-7.0", "matrix-redis-7.0")]
    [TestCase("podman", "redis-7.0", "redis-7.0@podman", "matrix-redis-7.0.podman")]
    [TestCase("PODMAN", "valkey-8.1", "valkey-8.1@podman", "matrix-valkey-8.1.podman")]
    public void Flavour_OfAServer_KeepsDockerAsItWasAndGivesAnotherEngineItsOwnApprovedFile(string kind, string server, string flavour, string approvedName)
    {
        var engine = EngineTarget.Parse(kind, null);

        Assert.Multiple(() =>
        {
            Assert.That(engine.Flavour(server), Is.EqualTo(flavour));
            Assert.That(Path.GetFileName(ApprovedMatrix.For(flavour, "approved").VerifiedPath), Is.EqualTo(approvedName + ".verified.md"));
        });
    }

    [TestCase("docker", "host.docker.internal", false)]
    [TestCase("podman", "host.containers.internal", true)]
    public void HostAlias_IsTheEnginesOwn(string kind, string alias, bool providedToEveryContainer)
    {
        var engine = EngineTarget.Parse(kind, null);

        Assert.That((engine.HostAlias, engine.ProvidesHostAlias), Is.EqualTo((alias, providedToEveryContainer)));
    }

    [Test]
    public void Verdict_NotApplicableWithItsApprovedRow_IsGreenAndNamed()
    {
        var row = SyntheticCells.Row("compose-dev-password", "redis-7.0@podman", "not applicable: no compose here");
        var cell = new CellResult("compose-dev-password", "redis-7.0@podman", "situation", "container", ScenarioStatus.NotApplicable, 0, row) { SkipReason = "no compose here" };

        var verdict = CellVerdict.Of(cell, ApprovedRows.Parse(new Dictionary<string, string> { ["redis-7.0@podman"] = ResolutionMatrix.ToMarkdown([row]) }));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.State, Is.EqualTo(CellState.NotApplicable));
            Assert.That(verdict.NeedsAttention, Is.False);
            Assert.That(verdict.Reason, Is.EqualTo("no compose here"));
        });
    }

    [Test]
    public void Verdict_NotApplicableWithoutAnApprovedRow_NeedsAttention()
    {
        var row = SyntheticCells.Row("compose-dev-password", "redis-7.0@podman", "not applicable: no compose here");
        var cell = new CellResult("compose-dev-password", "redis-7.0@podman", "situation", "container", ScenarioStatus.NotApplicable, 0, row) { SkipReason = "no compose here" };

        var verdict = CellVerdict.Of(cell, ApprovedRows.None);

        Assert.That(verdict.State, Is.EqualTo(CellState.Unapproved));
    }
}
