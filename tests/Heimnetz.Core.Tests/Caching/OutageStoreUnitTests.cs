using Heimnetz.Caching;
using Microsoft.Extensions.Time.Testing;
using static Heimnetz.Tests.Caching.CacheTestSupport;

namespace Heimnetz.Tests.Caching;

[TestFixture]
public sealed class OutageStoreUnitTests
{
    [Test]
    public void Advance_EntryOfEndedOutage_NotServedButReadableForWriteBackUntilDropped()
    {
        using var store = new OutageStore(new FakeTimeProvider());
        store.Set("k", Bytes("old"), NoExpiry);

        var ended = store.Advance();
        var servedAfterSwitch = Text(store.Get("k"));
        var readableForWriteBack = Text(store.TryGetEntry(ended, "k")?.Value);
        store.Set("k", Bytes("new"), NoExpiry);
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
        store.Set("k", Bytes("v"), NoExpiry);

        var first = store.TryGetEntry(store.Current, "k")!.ValueTask;
        var second = store.TryGetEntry(store.Current, "k")!.ValueTask;

        Assert.Multiple(async () =>
        {
            Assert.That(first.IsCompletedSuccessfully, Is.True);
            Assert.That(second, Is.SameAs(first));
            Assert.That(Text(await first), Is.EqualTo("v"));
        });
    }
}
