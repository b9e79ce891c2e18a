using Heimnetz.Discovery;

namespace Heimnetz.Tests.Discovery;

[TestFixture]
public sealed class RedisEndpointUnitTests
{
    [TestCase("redis", "redis", 6379)]
    [TestCase(" redis:6380 ", "redis", 6380)]
    [TestCase("[::1]", "::1", 6379)]
    [TestCase("[fe80::1]:1", "fe80::1", 1)]
    [TestCase("10.0.0.7:65535", "10.0.0.7", 65535)]
    public void Parse_ValidText_ReturnsHostAndPort(string text, string host, int port) =>
        Assert.That(RedisEndpoint.Parse(text, "'Heimnetz:Cache:Endpoint'"), Is.EqualTo(new RedisEndpoint(host, port)));

    [TestCase("redis:0", "port '0' is out of range 1–65535")]
    [TestCase("redis:65536", "port '65536' is out of range 1–65535")]
    [TestCase("redis:6x", "port '6x' is not a number")]
    [TestCase("fe80::1", "several ':' (write IPv6 addresses in brackets")]
    [TestCase("[::1", "an IPv6 bracket that never closes")]
    [TestCase("bad host:1", "host 'bad host' is not a valid host name or IP address")]
    [TestCase(":6379", "empty host")]
    public void Parse_InvalidText_ThrowsNamingValueSourceProblemAndExpectation(string text, string problem) =>
        Assert.That(
            () => RedisEndpoint.Parse(text, "'Heimnetz:Cache:Endpoint'"),
            Throws.InstanceOf<FormatException>()
                .With.Message.Contains($"'{text}' from 'Heimnetz:Cache:Endpoint'")
                .And.Message.Contains(problem)
                .And.Message.Contains("expected host:port"));

    [Test]
    public void DefaultPort_IsTheOneTheCatalogUses() =>
        Assert.That(CandidateCatalog.RedisPort, Is.EqualTo(6379).And.EqualTo(RedisEndpoint.DefaultPort));
}
