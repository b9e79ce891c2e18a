using Heimnetz.Starvation;
using Microsoft.Extensions.Time.Testing;

namespace Heimnetz.Tests.Starvation;

[TestFixture]
public sealed class StarvationAwareTimeoutUnitTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(2);

    [Test]
    public void Expiry_ProcessHadTheCpu_ExpiresAtTheDurationAndIsNotStarved()
    {
        var clock = new FakeTimeProvider();
        using var timeout = new StarvationAwareTimeout(Duration, Ceiling, clock, NoLag.Instance, CancellationToken.None);

        clock.Advance(Duration - TimeSpan.FromMilliseconds(1));
        var beforeDue = timeout.Token.IsCancellationRequested;
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(beforeDue, Is.False);
            Assert.That(timeout.TimedOut, Is.True);
            Assert.That(timeout.Starved, Is.False);
            Assert.That(timeout.Lost, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void Expiry_ProcessLostTimeDuringTheWait_GivesThatTimeBackBeforeExpiring()
    {
        var clock = new FakeTimeProvider();
        var lost = TimeSpan.Zero;
        using var timeout = new StarvationAwareTimeout(Duration, Ceiling, clock, new ScriptedLag(() => lost), CancellationToken.None);

        lost = TimeSpan.FromMilliseconds(200);
        clock.Advance(Duration);
        var atNominalDue = timeout.TimedOut;
        clock.Advance(TimeSpan.FromMilliseconds(199));
        var justBeforeOwedTime = timeout.TimedOut;
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(atNominalDue, Is.False, "the 200 ms the process could not run are owed to the peer");
            Assert.That(justBeforeOwedTime, Is.False);
            Assert.That(timeout.TimedOut, Is.True);
            Assert.That(timeout.Starved, Is.False, "the peer had its full 250 ms of runnable time");
            Assert.That(timeout.Lost, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        });
    }

    [Test]
    public void Expiry_ProcessStarvedThroughout_ExpiresAtTheCeilingAsStarved()
    {
        var clock = new FakeTimeProvider();
        using var timeout = new StarvationAwareTimeout(Duration, Ceiling, clock, ScriptedLag.Running(0.05, clock), CancellationToken.None);

        for (var step = 0; step < 40 && !timeout.TimedOut; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.Multiple(() =>
        {
            Assert.That(timeout.TimedOut, Is.True, "the ceiling bounds the wait however starved the process is");
            Assert.That(timeout.Elapsed, Is.EqualTo(Ceiling));
            Assert.That(timeout.Starved, Is.True);
            Assert.That(timeout.Lost, Is.GreaterThan(TimeSpan.FromMilliseconds(1800)));
        });
    }

    [Test]
    public void Expiry_ParentCancelled_CancelsTheTokenWithoutTimingOut()
    {
        var clock = new FakeTimeProvider();
        using var parent = new CancellationTokenSource();
        using var timeout = new StarvationAwareTimeout(Duration, Ceiling, clock, NoLag.Instance, parent.Token);

        parent.Cancel();

        Assert.Multiple(() =>
        {
            Assert.That(timeout.Token.IsCancellationRequested, Is.True);
            Assert.That(timeout.TimedOut, Is.False);
        });
    }

    [Test]
    public void Constructor_CeilingBelowDuration_IsRejectedNamingTheValue()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new StarvationAwareTimeout(Duration, TimeSpan.FromMilliseconds(100), TimeProvider.System, NoLag.Instance, CancellationToken.None));

        Assert.That(error!.ParamName, Is.EqualTo("ceiling"));
    }
}
