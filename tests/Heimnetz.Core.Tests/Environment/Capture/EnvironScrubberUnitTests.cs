using System.Text;
using Heimnetz.EnvironmentDetection.Capture;

namespace Heimnetz.Tests.EnvironmentDetection.Capture;

[TestFixture]
public sealed class EnvironScrubberUnitTests
{
    [TestCase("REDIS_PASSWORD", "hunter2")]
    [TestCase("PGPASS", "hunter2")]
    [TestCase("MYSQL_PWD", "hunter2")]
    [TestCase("GITHUB_TOKEN", "ghp_abc")]
    [TestCase("aws_secret_access_key", "abc")]
    [TestCase("API_KEY", "abc")]
    [TestCase("GOOGLE_APPLICATION_CREDENTIALS", "/secrets/sa.json")]
    [TestCase("REDIS_AUTH", "hunter2")]
    [TestCase("HTTP_AUTHORIZATION", "Bearer eyJhbGciOi")]
    [TestCase("Proxy_Authorization", "Basic dXNlcjpwdw==")]
    public void ScrubValue_SecretLookingName_MasksTheWholeValue(string name, string value)
    {
        Assert.That(EnvironScrubber.ScrubValue(name, value), Is.EqualTo("***"));
    }

    [TestCase("redis://user:pw@host:6379/0", "redis://***@host:6379/0")]
    [TestCase("redis://:pw@host", "redis://***@host")]
    [TestCase("rediss://u:p/with/slash@h:6380", "rediss://***@h:6380")]
    [TestCase("redis://u:p@ss@w0rd@host:6379", "redis://***@host:6379")]
    [TestCase("redis://u:a@b://c@host", "redis://***@host")]
    [TestCase("a=redis://u:p@h1,b=redis://v:q@h2", "a=redis://***@h1,b=redis://***@h2")]
    [TestCase("redis://u:p@h1;rediss://v:q@h2", "redis://***@h1;rediss://***@h2")]
    [TestCase("redis://u:p@h1 redis://v:q@h2", "redis://***@h1 redis://***@h2")]
    [TestCase("redis://host:6379", "redis://host:6379")]
    [TestCase("plain value", "plain value")]
    public void ScrubValue_UrlInAnyValue_MasksItsUserInfoUpToTheLastAt(string value, string expected)
    {
        Assert.That(EnvironScrubber.ScrubValue("REDIS_URL", value), Is.EqualTo(expected));
    }

    [TestCase("HEIMNETZ_REDIS_CONNECTION", "host:6379,password=x1", "host:6379,password=***")]
    [TestCase("HEIMNETZ_REDIS_CONNECTION", "host:6379,user=app,password=x1,ssl=true", "host:6379,user=app,password=***,ssl=true")]
    [TestCase("Heimnetz__Redis__ConnectionString", "redis:6379, Password = x1 ,ssl=true", "redis:6379, Password = ***,ssl=true")]
    [TestCase("ConnectionStrings__Db", "Server=db;User Id=sa;Password=x1;Database=app", "Server=db;User Id=sa;Password=***;Database=app")]
    [TestCase("ConnectionStrings__Db", "Server=db;UID=sa;PWD=x1", "Server=db;UID=sa;PWD=***")]
    [TestCase("ConnectionStrings__Db", "Server=db;pwd = x1 ; Database=app", "Server=db;pwd = ***; Database=app")]
    [TestCase("ConnectionStrings__Db", "Server=db;Password=\"x;1,2\";Database=app", "Server=db;Password=***;Database=app")]
    [TestCase("ConnectionStrings__Db", "Server=db;Password='x;1'", "Server=db;Password=***")]
    [TestCase("ConnectionStrings__Db", "Server=db;Password=\"x;1", "Server=db;Password=***")]
    [TestCase("REDIS_ARGS", "--requirepass-file /x --password=x1", "--requirepass-file /x --password=***")]
    [TestCase("DSN", "redis://h:6379/0?password=x1&db=0", "redis://h:6379/0?password=***")]
    public void ScrubValue_PasswordTokenInAnyValue_MasksItsValueOnly(string name, string value, string expected)
    {
        Assert.That(EnvironScrubber.ScrubValue(name, value), Is.EqualTo(expected));
    }

    [TestCase("oldpassword=not-a-token")]
    [TestCase("passwordless=true")]
    [TestCase("Server=db;User Id=sa")]
    public void ScrubText_WordThatOnlyContainsPassword_IsKept(string value)
    {
        Assert.That(EnvironScrubber.ScrubText(value), Is.EqualTo(value));
    }

    [Test]
    public void Scrub_EnvironBlock_KeepsOrderSeparatorsNamesAndHarmlessValues()
    {
        var environ = Encoding.UTF8.GetBytes(
            "PATH=/usr/bin\0REDIS_PASSWORD=hunter2\0REDIS_URL=redis://app:pw@redis:6379\0HEIMNETZ_REDIS_CONNECTION=redis:6379,password=hunter2\0"
            + "container=podman\0HEIMNETZ_DOCKER=true\0DOTNET_RUNNING_IN_CONTAINER=true\0KUBERNETES_SERVICE_HOST=10.96.0.1\0HOME=/root\0");

        var scrubbed = Encoding.UTF8.GetString(EnvironScrubber.Scrub(environ));

        Assert.That(scrubbed, Is.EqualTo(
            "PATH=/usr/bin\0REDIS_PASSWORD=***\0REDIS_URL=redis://***@redis:6379\0HEIMNETZ_REDIS_CONNECTION=redis:6379,password=***\0"
            + "container=podman\0HEIMNETZ_DOCKER=true\0DOTNET_RUNNING_IN_CONTAINER=true\0KUBERNETES_SERVICE_HOST=10.96.0.1\0HOME=/root\0"));
    }

    [Test]
    public void Scrub_EntryWithoutEquals_StillHasItsUrlUserInfoMasked()
    {
        var scrubbed = Encoding.UTF8.GetString(EnvironScrubber.Scrub("A=1\0redis://u:pw1@h\0B=2"u8));

        Assert.That(scrubbed, Is.EqualTo("A=1\0redis://***@h\0B=2"));
    }
}
