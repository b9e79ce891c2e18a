using Heimnetz.Configuration;
using Heimnetz.Discovery;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Tests.Discovery;

[TestFixture]
public sealed class DiscoveryConfigurationUnitTests
{
    private const string Secret = "s3cr3t-Pa55";

    internal static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build();

    [Test]
    public void From_Nothing_UsesCatalogAndDefaultTimeouts()
    {
        var configuration = DiscoveryConfiguration.From(Config());

        Assert.Multiple(() =>
        {
            Assert.That(configuration.Configured, Is.Empty);
            Assert.That(configuration.ReplacementCandidates, Is.Null);
            Assert.That(configuration.FallbackCredentials, Is.Null);
            Assert.That(configuration.Timeouts, Is.EqualTo(DiscoveryTimeouts.Default));
        });
    }

    [Test]
    public void From_RedisUrlWithPercentEncodedCredentials_DecodesUserAndPassword()
    {
        var configuration = DiscoveryConfiguration.From(Config(("REDIS_URL", "redis://al%40ice:p%3As%2Fs@cache.local:6380/2")));

        var candidate = configuration.Configured.Single();
        Assert.Multiple(() =>
        {
            Assert.That(candidate.Endpoint, Is.EqualTo(new RedisEndpoint("cache.local", 6380)));
            Assert.That(candidate.Credentials, Is.EqualTo(new RedisCredentials("al@ice", "p:s/s")));
            Assert.That(candidate.UseTls, Is.False);
            Assert.That(candidate.Source, Is.EqualTo(CandidateSource.Env));
            Assert.That(candidate.Reason, Is.EqualTo("REDIS_URL"));
        });
    }

    [Test]
    public void From_RedissUrlWithPasswordOnly_UsesTlsDefaultPortAndNoUser()
    {
        var candidate = DiscoveryConfiguration.From(Config(("Heimnetz:Redis:Url", $"rediss://:{Secret}@[::1]"))).Configured.Single();

        Assert.Multiple(() =>
        {
            Assert.That(candidate.Endpoint, Is.EqualTo(new RedisEndpoint("::1", 6379)));
            Assert.That(candidate.Credentials, Is.EqualTo(new RedisCredentials(null, Secret)));
            Assert.That(candidate.UseTls, Is.True);
            Assert.That(candidate.Source, Is.EqualTo(CandidateSource.Config));
        });
    }

    [Test]
    public void From_UrlPasswordWithUnencodedAt_TakesTheLastAtAsTheEnd()
    {
        var candidate = DiscoveryConfiguration.From(Config(("REDIS_URL", "redis://bob:a@b@h:7000"))).Configured.Single();

        Assert.That(candidate.Credentials, Is.EqualTo(new RedisCredentials("bob", "a@b")));
    }

    [Test]
    public void From_ConnectionString_TranslatesEndpointsUserPasswordAndSsl()
    {
        var candidates = DiscoveryConfiguration.From(Config(("HEIMNETZ_REDIS_CONNECTION", $"a:7001, b ,user=alice,password={Secret},ssl=true,abortConnect=false"))).Configured;

        Assert.That(candidates.Select(candidate => candidate.Endpoint), Is.EqualTo(new[] { new RedisEndpoint("a", 7001), new RedisEndpoint("b", 6379) }));
        Assert.That(candidates, Has.All.Matches<RedisCandidate>(candidate =>
            candidate.UseTls && candidate.Credentials == new RedisCredentials("alice", Secret) && candidate.Reason == "HEIMNETZ_REDIS_CONNECTION"));
    }

    [Test]
    public void From_OrderOfPrecedence_UrlThenConnectionStringThenConfigTwins()
    {
        var configuration = DiscoveryConfiguration.From(Config(
            ("Heimnetz:Redis:ConnectionString", "d:1"),
            ("HEIMNETZ_REDIS_CONNECTION", "c:1"),
            ("Heimnetz:Redis:Url", "redis://b:1"),
            ("REDIS_URL", "redis://a:1")));

        Assert.That(configuration.Configured.Select(candidate => candidate.Endpoint.Host), Is.EqualTo(new[] { "a", "b", "c", "d" }));
    }

    [Test]
    public void From_CandidatesAsStringAndArray_ReplaceTheCatalogInOrder()
    {
        var configuration = DiscoveryConfiguration.From(Config(
            ("HEIMNETZ_REDIS_CANDIDATES", "one:1, two"),
            ("Heimnetz:Redis:Candidates:0", "three:3"),
            ("Heimnetz:Redis:Candidates:1", "[::1]:4")));

        Assert.That(configuration.ReplacementCandidates!.Select(candidate => candidate.Endpoint.ToString()), Is.EqualTo(new[] { "one:1", "two:6379", "three:3", "[::1]:4" }));
        Assert.That(configuration.ReplacementCandidates!.Select(candidate => candidate.Source), Is.EqualTo(new[] { CandidateSource.Env, CandidateSource.Env, CandidateSource.Config, CandidateSource.Config }));
    }

    [Test]
    public void From_PasswordAndTimeouts_AreRead()
    {
        var configuration = DiscoveryConfiguration.From(Config(
            ("REDIS_PASSWORD", Secret),
            ("REDIS_USERNAME", "app"),
            ("Heimnetz:Redis:ConnectTimeout", "100"),
            ("Heimnetz:Redis:HandshakeTimeout", "00:00:00.300"),
            ("Heimnetz:Redis:Budget", "2000")));

        Assert.Multiple(() =>
        {
            Assert.That(configuration.FallbackCredentials, Is.EqualTo(new RedisCredentials("app", Secret)));
            Assert.That(configuration.Timeouts, Is.EqualTo(new DiscoveryTimeouts(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2))));
            Assert.That(configuration.ToString(), Does.Not.Contain(Secret));
        });
    }

    [Test]
    public void From_EmptyValues_AreTreatedAsUnset()
    {
        var configuration = DiscoveryConfiguration.From(Config(("REDIS_URL", "  "), ("HEIMNETZ_REDIS_CANDIDATES", ""), ("REDIS_PASSWORD", "")));

        Assert.Multiple(() =>
        {
            Assert.That(configuration.Configured, Is.Empty);
            Assert.That(configuration.ReplacementCandidates, Is.Null);
            Assert.That(configuration.FallbackCredentials, Is.Null);
        });
    }

    [TestCase("REDIS_URL", "redis://:{0}@h:70000", "port '70000' is out of range 1–65535 in 'redis://***@h:70000'")]
    [TestCase("REDIS_URL", "redis://:{0}@h:0", "port '0' is out of range 1–65535 in 'redis://***@h:0'")]
    [TestCase("REDIS_URL", "redis://:{0}@h:port", "port 'port' is not a number in 'redis://***@h:port'")]
    [TestCase("REDIS_URL", "redis://alice:{0}@:6379", "empty host (expected host:port) in 'redis://***@:6379'")]
    [TestCase("REDIS_URL", "http://:{0}@h:6379", "unknown scheme 'http' in 'http://***@h:6379'")]
    [TestCase("REDIS_URL", "{0}@h", "malformed URL '***@h'")]
    [TestCase("REDIS_URL", "redis://{0}@h", "have no ':' between user and password")]
    [TestCase("REDIS_URL", "redis://:{0}@h/x", "database 'x' in 'redis://***@h/x' is not a number")]
    [TestCase("REDIS_URL", "redis://h:6379?password={0}", "query or fragment in 'redis://h:6379?***' is not supported")]
    [TestCase("Heimnetz:Redis:Url", "redis://:{0}@bad host:1", "host 'bad host' is not a valid host name or IP address")]
    [TestCase("HEIMNETZ_REDIS_CONNECTION", "h:6379,password={0},bogus=1", "Keyword 'bogus' is not supported")]
    [TestCase("HEIMNETZ_REDIS_CONNECTION", "h:6379,password={0},ssl=maybe", "'maybe'")]
    [TestCase("HEIMNETZ_REDIS_CONNECTION", "h:0,password={0}", "port '0' is out of range 1–65535 in 'h:0,password=***'")]
    [TestCase("Heimnetz:Redis:ConnectionString", "password={0}", "'password=***' names no host:port")]
    [TestCase("HEIMNETZ_REDIS_CANDIDATES", "a:1,b:65536", "port '65536' is out of range 1–65535 in 'b:65536'")]
    [TestCase("HEIMNETZ_REDIS_CANDIDATES", "a:1,,b:2", "empty entry")]
    [TestCase("Heimnetz:Redis:Candidates", ":6379", "empty host")]
    [TestCase("Heimnetz:Redis:ConnectTimeout", "soon", "'soon' is not a duration")]
    [TestCase("Heimnetz:Redis:HandshakeTimeout", "0", "'0' is out of range")]
    [TestCase("Heimnetz:Redis:Budget", "-00:00:01", "'-00:00:01' is out of range")]
    [TestCase("REDIS_USERNAME", "alice", "user 'alice' has no password")]
    public void From_BadValue_NamesSourceAndValueButNeverThePassword(string key, string pattern, string expected)
    {
        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Secret);

        var error = Assert.Throws<HeimnetzConfigurationException>(() => DiscoveryConfiguration.From(Config((key, value))));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith(key + ": "));
            Assert.That(error.Message, Does.Contain(expected));
            Assert.That(error.Message, Does.Not.Contain(Secret));
            Assert.That(error.Problems, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void From_SeveralBadValues_ReportsAllInOneException()
    {
        var error = Assert.Throws<HeimnetzConfigurationException>(() => DiscoveryConfiguration.From(Config(
            ("REDIS_URL", $"redis://:{Secret}@h:70000/x"),
            ("HEIMNETZ_REDIS_CONNECTION", $"h,password={Secret},nope=1,ssl=perhaps"),
            ("HEIMNETZ_REDIS_CANDIDATES", "a:0"),
            ("Heimnetz:Redis:Budget", "later"))));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Problems, Has.Count.EqualTo(6));
            Assert.That(error.Message, Does.Contain("6 configuration problems"));
            Assert.That(error.Message, Does.Contain("REDIS_URL").And.Contain("HEIMNETZ_REDIS_CONNECTION").And.Contain("HEIMNETZ_REDIS_CANDIDATES").And.Contain("Heimnetz:Redis:Budget"));
            Assert.That(error.Message, Does.Not.Contain(Secret));
        });
    }
}
