using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Heimnetz.EnvironmentDetection.Capture;

namespace Heimnetz.Tests.EnvironmentDetection.Capture;

[TestFixture]
public sealed class EnvironScrubberUnitTests
{
    [TestCase("REDIS_PASSWORD", "hunter2")]
    [TestCase("PGPASS", "hunter2")]
    [TestCase("GITHUB_TOKEN", "ghp_abc")]
    [TestCase("aws_secret_access_key", "abc")]
    [TestCase("API_KEY", "abc")]
    [TestCase("GOOGLE_APPLICATION_CREDENTIALS", "/secrets/sa.json")]
    public void ScrubValue_SecretLookingName_MasksTheWholeValue(string name, string value)
    {
        Assert.That(EnvironScrubber.ScrubValue(name, value), Is.EqualTo("***"));
    }

    [TestCase("redis://user:pw@host:6379/0", "redis://***@host:6379/0")]
    [TestCase("redis://:pw@host", "redis://***@host")]
    [TestCase("rediss://u:p/with/slash@h:6380", "rediss://***@h:6380")]
    [TestCase("a=redis://u:p@h1,b=redis://v:q@h2", "a=redis://***@h1,b=redis://***@h2")]
    [TestCase("redis://host:6379", "redis://host:6379")]
    [TestCase("plain value", "plain value")]
    public void ScrubValue_UrlInAnyValue_MasksItsUserInfo(string value, string expected)
    {
        Assert.That(EnvironScrubber.ScrubValue("REDIS_URL", value), Is.EqualTo(expected));
    }

    [Test]
    public void Scrub_EnvironBlock_KeepsOrderAndSeparatorsAndHarmlessValues()
    {
        var environ = "PATH=/usr/bin\0REDIS_PASSWORD=hunter2\0REDIS_URL=redis://app:pw@redis:6379\0HOME=/root\0"u8.ToArray();

        var scrubbed = Encoding.UTF8.GetString(EnvironScrubber.Scrub(environ));

        Assert.That(scrubbed, Is.EqualTo("PATH=/usr/bin\0REDIS_PASSWORD=***\0REDIS_URL=redis://***@redis:6379\0HOME=/root\0"));
    }

    [Test]
    public void Scrub_AnySecretUnderASecretName_NeverSurvives()
    {
        var secrets = Gen.Elements("hunter2", "p@ss:word", "s3cr3t/value", "tok\u00e9n")
            .SelectMany(secret => Gen.Elements("PASSWORD", "DB_PASS", "X_TOKEN", "MY_SECRET", "KEY", "CREDENTIALS").Select(name => (name, secret)));

        Prop.ForAll(secrets.ToArbitrary(), pair =>
        {
            var environ = Encoding.UTF8.GetBytes($"A=1\0{pair.name}={pair.secret}\0URL=redis://u:{pair.secret}@h\0");
            return !Encoding.UTF8.GetString(EnvironScrubber.Scrub(environ)).Contains(pair.secret, StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }
}
