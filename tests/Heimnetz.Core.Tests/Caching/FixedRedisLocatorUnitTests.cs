using Heimnetz.Caching;
using Heimnetz.Discovery;

namespace Heimnetz.Tests.Caching;

[TestFixture]
public sealed class FixedRedisLocatorUnitTests
{
    [TestCase("redis:6379", "redis", 6379)]
    [TestCase("127.0.0.1:6380", "127.0.0.1", 6380)]
    [TestCase("[::1]:7000", "::1", 7000)]
    [TestCase("cache.invalid", "cache.invalid", 6379)]
    public void ParseEndpoint_ValidText_ReturnsHostAndPort(string text, string host, int port) =>
        Assert.That(FixedRedisLocator.ParseEndpoint(text, "--endpoint"), Is.EqualTo(new RedisEndpoint(host, port)));

    [TestCase("")]
    [TestCase("redis:")]
    [TestCase("redis:70000")]
    [TestCase("redis:abc")]
    [TestCase("::1:6379")]
    [TestCase("[::1]x")]
    public void ParseEndpoint_InvalidText_ThrowsNamingValueAndSource(string text) =>
        Assert.That(
            () => FixedRedisLocator.ParseEndpoint(text, "--endpoint"),
            Throws.InstanceOf<FormatException>().With.Message.Contains($"'{text}' from --endpoint").And.Message.Contains("expected host:port"));

    [Test]
    public async Task LocateAsync_Always_ReturnsTheFixedLocationWithoutShowingThePassword()
    {
        var locator = new FixedRedisLocator(new RedisEndpoint("127.0.0.1", 6379), new RedisCredentials(null, "s3cret"));

        var location = await locator.LocateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(location!.Endpoint.ToString(), Is.EqualTo("127.0.0.1:6379"));
            Assert.That(location.ToString(), Does.Not.Contain("s3cret"));
        });
    }
}
