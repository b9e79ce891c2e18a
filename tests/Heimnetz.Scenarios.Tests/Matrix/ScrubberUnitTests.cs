using Heimnetz.Harness.Scenarios.Matrix;

namespace Heimnetz.Scenarios.Tests.Matrix;

[TestFixture]
public sealed class ScrubberUnitTests
{
    [Test]
    public void Scrub_KnownGateway_BecomesItsRoleWithoutTouchingLongerAddresses()
    {
        var roles = new Dictionary<string, string> { ["172.18.0.1"] = "<bridge-gateway>" };

        var scrubbed = Scrubber.Scrub("172.18.0.1:6379 refused · 172.18.0.10:6379 ready", roles);

        Assert.That(scrubbed, Is.EqualTo("<bridge-gateway>:6379 refused · <address>:6379 ready"));
    }

    [Test]
    public void Scrub_Loopback_IsKept()
    {
        Assert.That(Scrubber.Scrub("127.0.0.1:6379 ready", new Dictionary<string, string>()), Is.EqualTo("127.0.0.1:6379 ready"));
    }
}
