using Heimnetz.Discovery;

namespace Heimnetz.Tests.Discovery;

[TestFixture]
public sealed class ServerIdentityUnitTests
{
    // The head of an INFO server reply from valkey 8.1: a Redis compatibility version first, then its own name and version.
    private const string Valkey81InfoServer =
        "# Server\r\n" +
        "redis_version:7.2.4\r\n" +
        "server_name:valkey\r\n" +
        "valkey_version:8.1.1\r\n" +
        "valkey_release_stage:ga\r\n" +
        "redis_git_sha1:00000000\r\n" +
        "redis_git_dirty:0\r\n" +
        "redis_build_id:8a3b1f0e9f6d2c41\r\n" +
        "server_mode:standalone\r\n" +
        "os:Linux 6.1.0-31-amd64 x86_64\r\n" +
        "arch_bits:64\r\n" +
        "monotonic_clock:POSIX clock_gettime\r\n" +
        "multiplexing_api:epoll\r\n" +
        "gcc_version:12.2.0\r\n" +
        "process_id:1\r\n" +
        "process_supervised:no\r\n" +
        "run_id:3f1c2b9d8e7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e\r\n" +
        "tcp_port:6379\r\n" +
        "uptime_in_seconds:12\r\n" +
        "executable:/usr/local/bin/valkey-server\r\n" +
        "config_file:\r\n" +
        "listener0:name=tcp,bind=*,bind=-::*,port=6379\r\n";

    [Test]
    public void FromInfo_Valkey81_ReportsValkeyAndItsOwnVersion()
    {
        var identity = ServerIdentity.FromInfo(Valkey81InfoServer);

        Assert.That(identity, Is.EqualTo(new ServerIdentity("valkey", "8.1.1", "3f1c2b9d8e7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e")));
    }

    [Test]
    public void FromInfo_Redis70_ReportsRedisVersionAndRunId()
    {
        var identity = ServerIdentity.FromInfo("# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\nrun_id:abc123\r\n");

        Assert.That(identity, Is.EqualTo(new ServerIdentity("redis", "7.0.15", "abc123")));
    }

    [Test]
    public void FromInfo_ServerNameWithoutValkeyVersion_StillValkey()
    {
        var identity = ServerIdentity.FromInfo("redis_version:7.2.4\nserver_name:valkey\n");

        Assert.That((identity.Product, identity.Version, identity.RunId), Is.EqualTo(("valkey", "7.2.4", (string?)null)));
    }

    [Test]
    public void FromInfo_HostileValues_AreSanitizedAndBounded()
    {
        var identity = ServerIdentity.FromInfo("redis_version:" + new string('9', 500) + "\x1b[31m\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(identity.Version.Length, Is.LessThanOrEqualTo(35));
            Assert.That(identity.Version, Does.Not.Contain("\x1b"));
        });
    }
}
