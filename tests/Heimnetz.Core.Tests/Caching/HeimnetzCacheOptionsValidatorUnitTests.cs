using Heimnetz.Caching;

namespace Heimnetz.Tests.Caching;

[TestFixture]
public sealed class HeimnetzCacheOptionsValidatorUnitTests
{
    [Test]
    public void ThrowIfInvalid_NegativeDatabaseAndControlCharacterInInstanceName_OneMessageNamingBothKeysAndValues() =>
        Assert.That(
            () => HeimnetzCacheOptionsValidator.ThrowIfInvalid(new HeimnetzCacheOptions { Database = -1, InstanceName = "app\n" }),
            Throws.ArgumentException
                .With.Message.Contains("'Heimnetz:Cache:Database' is '-1'; expected a database index of 0 or more")
                .And.Message.Contains(@"'Heimnetz:Cache:InstanceName' is 'app\u000a'; expected at most 256 characters and no control characters"));

    [Test]
    public void ThrowIfInvalid_EndpointWithBadPort_NamesKeyValueAndProblem() =>
        Assert.That(
            () => HeimnetzCacheOptionsValidator.ThrowIfInvalid(new HeimnetzCacheOptions { Endpoint = "redis:99999" }),
            Throws.ArgumentException.With.Message.Contains("'redis:99999' from 'Heimnetz:Cache:Endpoint'").And.Message.Contains("port '99999' is out of range"));

    [TestCase(0, null)]
    [TestCase(15, "")]
    [TestCase(1000, "orders:")]
    public void ThrowIfInvalid_UsualValues_Accepted(int database, string? instanceName) =>
        Assert.That(() => HeimnetzCacheOptionsValidator.ThrowIfInvalid(new HeimnetzCacheOptions { Database = database, InstanceName = instanceName }), Throws.Nothing);
}
