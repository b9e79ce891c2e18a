using Heimnetz.Caching;
using Heimnetz.Discovery;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Heimnetz.Tests.Caching;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CacheCircuitUnitTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);
    private readonly FakeLogger logger = new();
    private readonly List<TestLink> opened = [];
    private readonly List<CacheModeChangedEventArgs> events = [];
    private readonly object owner = new();

    [Test]
    public void Failed_ReadsBelowThreshold_StayClosedUntilTheThresholdOpensOnce()
    {
        var circuit = NewCircuit(threshold: 3);
        var link = Closed(circuit, "a", "r1");

        circuit.Failed(link, "get got no reply", openAtOnce: false);
        circuit.Failed(link, "get got no reply", openAtOnce: false);
        var afterTwo = circuit.Mode;
        time.Advance(TimeSpan.FromSeconds(1));
        circuit.Failed(link, "get got no reply within 50 ms", openAtOnce: false);
        circuit.Failed(link, "late failure on the same link", openAtOnce: false);

        Assert.Multiple(() =>
        {
            Assert.That(afterTwo, Is.EqualTo(CacheMode.Redis));
            Assert.That(circuit.Mode, Is.EqualTo(CacheMode.Memory));
            Assert.That(circuit.Link, Is.Null);
            Assert.That(opened, Is.EqualTo(new[] { link }), "the open side effects run once");
            Assert.That(events[^1].Transition, Is.EqualTo(new CacheTransition(CacheMode.Redis, CacheMode.Memory, "get got no reply within 50 ms", Start.AddSeconds(1), "a:6379", "r1")));
            Assert.That(circuit.Status.Reason, Is.EqualTo("get got no reply within 50 ms"));
        });
    }

    [Test]
    public void Failed_SuccessInBetween_CountStartsAgain()
    {
        var circuit = NewCircuit(threshold: 2);
        var link = Closed(circuit, "a", "r1");

        circuit.Failed(link, "x", openAtOnce: false);
        circuit.Succeeded();
        circuit.Failed(link, "x", openAtOnce: false);

        Assert.That(circuit.Mode, Is.EqualTo(CacheMode.Redis));
    }

    [Test]
    public void Failed_Write_OpensAtOnce()
    {
        var circuit = NewCircuit(threshold: 1000);
        var link = Closed(circuit, "a", "r1");

        circuit.Failed(link, "set failed; a write cannot wait", openAtOnce: true);

        Assert.That(circuit.Mode, Is.EqualTo(CacheMode.Memory));
    }

    [Test]
    public void Open_LinkAlreadyReplaced_ChangesNothing()
    {
        var circuit = NewCircuit(threshold: 1);
        var old = Closed(circuit, "a", "r1");
        circuit.Open(old, "first failure");
        var replacement = Closed(circuit, "a", "r1");
        var transitions = circuit.Status.Transitions.Count;

        var reopened = circuit.Open(old, "a late failure of the retired link");
        circuit.Failed(old, "another late failure", openAtOnce: true);

        Assert.Multiple(() =>
        {
            Assert.That(reopened, Is.False);
            Assert.That(circuit.Link, Is.SameAs(replacement));
            Assert.That(circuit.Status.Transitions, Has.Count.EqualTo(transitions));
        });
    }

    [Test]
    public void Close_SameOrNewRunIdOrOtherEndpoint_ReasonSaysWhichAndKeepsTheSummary()
    {
        var circuit = NewCircuit(threshold: 1);
        var reasons = new List<string>();
        foreach (var (host, runId) in new[] { ("a", "r1"), ("a", "r1"), ("a", "r2"), ("b", "r2") })
        {
            var link = new TestLink(host, runId);
            circuit.Close(link, () => { }, "; summary");
            reasons.Add(circuit.Status.Reason);
            circuit.Open(link, "down");
        }

        Assert.That(reasons, Is.EqualTo(new[]
        {
            "connected to Redis at a:6379 (run_id r1); summary",
            "Redis at a:6379 answered again (same run_id r1); summary",
            "Redis at a:6379 answered with a new run_id r2 (was r1): restarted or replaced, its data may be gone; summary",
            "Redis answered at another endpoint b:6379 (was a:6379; run_id r2); summary",
        }));
    }

    [Test]
    public void Close_SwitchedStep_RunsAfterTheLinkIsSetAndBeforeTheEvent()
    {
        var circuit = NewCircuit(threshold: 1);
        var link = new TestLink("a", "r1");
        CacheMode? modeInStep = null;
        var eventsInStep = -1;

        circuit.Close(link, () => (modeInStep, eventsInStep) = (circuit.Mode, events.Count), string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(modeInStep, Is.EqualTo(CacheMode.Redis));
            Assert.That(eventsInStep, Is.Zero);
            Assert.That(events, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void ModeChanged_HandlerThrows_OtherHandlersStillSeeItAndTheSenderIsTheOwner()
    {
        var circuit = NewCircuit(threshold: 1);
        object? sender = null;
        circuit.ModeChanged += (_, _) => throw new InvalidOperationException("subscriber bug");
        circuit.ModeChanged += (s, _) => sender = s;

        Closed(circuit, "a", "r1");

        Assert.Multiple(() =>
        {
            Assert.That(sender, Is.SameAs(owner));
            Assert.That(logger.Collector.GetSnapshot().Select(r => r.Id.Name), Does.Contain("ModeChangedHandlerFailed"));
        });
    }

    [Test]
    public void Status_ManyTransitions_KeepsTheLatestUpToTheHistoryLength()
    {
        var circuit = NewCircuit(threshold: 1);
        for (var i = 0; i < 40; i++)
        {
            var link = Closed(circuit, "a", "r1");
            time.Advance(TimeSpan.FromSeconds(1));
            circuit.Open(link, $"down {i}");
        }

        var transitions = circuit.Status.Transitions;
        Assert.Multiple(() =>
        {
            Assert.That(transitions, Has.Count.EqualTo(HeimnetzCacheDefaults.TransitionHistory));
            Assert.That(transitions[^1].Reason, Is.EqualTo("down 39"));
            Assert.That(transitions[^1].Timestamp, Is.EqualTo(Start.AddSeconds(40)));
        });
    }

    [Test]
    public void StillOpen_OnlyWhileOpen_UpdatesTheReason()
    {
        var circuit = NewCircuit(threshold: 1);
        circuit.StillOpen("no Redis located");
        var whileOpen = circuit.Status.Reason;
        Closed(circuit, "a", "r1");
        circuit.StillOpen("a recovery failure that raced the return");

        Assert.Multiple(() =>
        {
            Assert.That(whileOpen, Is.EqualTo("no Redis located"));
            Assert.That(circuit.Status.Reason, Does.StartWith("connected to Redis at a:6379"));
        });
    }

    private CacheCircuit<TestLink> NewCircuit(int threshold)
    {
        var circuit = new CacheCircuit<TestLink>(owner, threshold, time, logger, opened.Add);
        circuit.ModeChanged += (_, e) => events.Add(e);
        return circuit;
    }

    private static TestLink Closed(CacheCircuit<TestLink> circuit, string host, string runId)
    {
        var link = new TestLink(host, runId);
        circuit.Close(link, () => { }, string.Empty);
        return link;
    }

    /// <summary>A link as the circuit sees it; a class, so two links to the same server are still two links.</summary>
    private sealed class TestLink(string host, string runId) : ICircuitLink
    {
        public RedisEndpoint Endpoint { get; } = new(host, RedisEndpoint.DefaultPort);

        public string? RunId { get; } = runId;
    }
}
