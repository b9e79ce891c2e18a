using Heimnetz.Harness.Fixtures.LocalRedis;

namespace Heimnetz.Tests.Support;

/// <summary>
/// The set-up every TLS test class shares: one throwaway CA and server certificate per class (made once, deleted at the
/// end), and the redis-server binary that the tests start with them.
/// </summary>
public abstract class ThrowawayTlsFixture
{
    /// <summary>The certificates of this class's tests; valid between the one-time set-up and tear-down.</summary>
    private protected ThrowawayTls Tls { get; private set; } = null!;

    [OneTimeSetUp]
    public void CreateCertificates() => Tls = ThrowawayTls.Create();

    [OneTimeTearDown]
    public void DeleteCertificates() => Tls.Dispose();

    [SetUp]
    public void RequireRedis() => RedisServerProcess.RequireBinary();
}
