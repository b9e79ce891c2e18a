using Heimnetz.Caching;
using Microsoft.Extensions.Time.Testing;
using static Heimnetz.Tests.Caching.CacheTestSupport;

namespace Heimnetz.Tests.Caching;

[TestFixture]
public sealed class OutageStoreUnitTests
{
    private static readonly Func<bool> InOutage = () => true;

    [Test]
    public void Advance_EntryOfEndedOutage_NotServedButReadableForWriteBackUntilDropped()
    {
        using var store = new OutageStore(new FakeTimeProvider());
        store.TrySet("k", Bytes("old"), NoExpiry, 1, InOutage);

        var ended = store.Advance();
        var servedAfterSwitch = Text(store.Get("k"));
        var readableForWriteBack = Text(store.TryGetEntry(ended, "k")?.Value);
        store.TrySet("k", Bytes("new"), NoExpiry, 2, InOutage);
        var dropped = OutageStore.Drop(ended);

        Assert.Multiple(() =>
        {
            Assert.That(servedAfterSwitch, Is.Null, "a new outage does not serve the last one's writes");
            Assert.That(readableForWriteBack, Is.EqualTo("old"));
            Assert.That(dropped, Is.EqualTo(1));
            Assert.That(store.TryGetEntry(ended, "k"), Is.Null, "a dropped generation holds nothing");
            Assert.That(Text(store.Get("k")), Is.EqualTo("new"), "dropping the old generation leaves the current one alone");
        });
    }

    [Test]
    public void ValueTask_EntryReadTwice_SameCompletedTaskWithTheValue()
    {
        using var store = new OutageStore(new FakeTimeProvider());
        store.TrySet("k", Bytes("v"), NoExpiry, 1, InOutage);

        var first = store.TryGetEntry(store.Current, "k")!.ValueTask;
        var second = store.TryGetEntry(store.Current, "k")!.ValueTask;

        Assert.Multiple(async () =>
        {
            Assert.That(first.IsCompletedSuccessfully, Is.True);
            Assert.That(second, Is.SameAs(first));
            Assert.That(Text(await first), Is.EqualTo("v"));
        });
    }

    [Test]
    public void TrySet_GenerationSealed_RefusedAndTheSealedGenerationUnchanged()
    {
        using var store = new OutageStore(new FakeTimeProvider());
        store.TrySet("k", Bytes("before"), NoExpiry, 1, InOutage);
        var generation = store.Current;

        generation.Seal();
        var accepted = store.TrySet("k", Bytes("after"), NoExpiry, 2, InOutage);
        var removed = store.TryRemove("k", 3, InOutage);

        Assert.Multiple(() =>
        {
            Assert.That((accepted, removed), Is.EqualTo((false, false)), "a sealed generation takes no write: the replay already listed its keys");
            Assert.That(Text(store.TryGetEntry(generation, "k")?.Value), Is.EqualTo("before"));
            Assert.That(generation.TryClaim("k")?.Written, Is.EqualTo(1));
        });
    }

    [Test]
    public void TrySet_OutageOverWhenEntering_RefusedSoTheCallerWritesToRedis()
    {
        using var store = new OutageStore(new FakeTimeProvider());

        var accepted = store.TrySet("k", Bytes("v"), NoExpiry, 1, () => false);

        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.False);
            Assert.That(store.Get("k"), Is.Null);
            Assert.That(store.Current.Keys, Is.Empty, "nothing for a later outage to serve or replay");
        });
    }

    [Test]
    public void TryClaim_ChangedAfterClaim_ClaimableAgainWithTheNewerChange()
    {
        using var store = new OutageStore(new FakeTimeProvider());
        store.TrySet("k", Bytes("v"), NoExpiry, 1, InOutage);
        var first = store.Current.TryClaim("k");

        var again = store.Current.TryClaim("k");
        store.TryRemove("k", 2, InOutage);
        var second = store.Current.TryClaim("k");

        Assert.Multiple(() =>
        {
            Assert.That(first?.Entry, Is.Not.Null);
            Assert.That(again, Is.Null, "a claimed change is replayed once");
            Assert.That(second, Is.Not.Null);
            Assert.That(second!.Entry, Is.Null, "the removal is the latest change");
            Assert.That(second.Written, Is.EqualTo(2));
        });
    }
}
