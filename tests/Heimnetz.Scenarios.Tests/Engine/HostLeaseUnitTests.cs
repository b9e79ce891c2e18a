using Heimnetz.Harness.Fixtures.Engine;

namespace Heimnetz.Scenarios.Tests.Engine;

/// <summary>The lease is a real file lock; two handles in one process exclude each other like two processes do.</summary>
[TestFixture]
[NonParallelizable]
public sealed class HostLeaseUnitTests
{
    [Test]
    public void TryAcquire_SharedWhileShared_BothHold()
    {
        using var first = HostLease.TryAcquire(exclusive: false);
        using var second = HostLease.TryAcquire(exclusive: false);

        Assert.That(new[] { first, second }, Has.All.Not.Null);
    }

    [Test]
    public void TryAcquire_ExclusiveWhileShared_WaitsUntilTheSharedOneEnds()
    {
        var shared = HostLease.TryAcquire(exclusive: false);
        Assert.That(shared, Is.Not.Null);

        Assert.That(HostLease.TryAcquire(exclusive: true), Is.Null, "a fixed-port scenario must not start while another reads the host");
        shared!.Dispose();
        using var exclusive = HostLease.TryAcquire(exclusive: true);
        Assert.That(exclusive, Is.Not.Null);
    }

    [Test]
    public void TryAcquire_SharedWhileExclusive_IsRefused()
    {
        using var exclusive = HostLease.TryAcquire(exclusive: true);
        Assert.That(exclusive, Is.Not.Null);

        Assert.That(HostLease.TryAcquire(exclusive: false), Is.Null);
    }
}
