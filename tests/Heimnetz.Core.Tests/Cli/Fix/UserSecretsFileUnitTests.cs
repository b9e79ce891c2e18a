using Heimnetz.Cli.Fix;

namespace Heimnetz.Tests.Cli.Fix;

[TestFixture]
public sealed class UserSecretsFileUnitTests
{
    private string home = null!;

    [SetUp]
    public void SetUp() => home = Directory.CreateTempSubdirectory("heimnetz-secrets-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(home, recursive: true);

    [Test]
    public void Set_ExistingSecrets_AddsOurKeyAndKeepsTheOthers()
    {
        var path = UserSecretsFile.PathFor("shop-1234", home);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """{"Jwt:Key": "k"}""");

        UserSecretsFile.Set(path, "Heimnetz:Redis:Url", "redis://:pw@127.0.0.1:6380");

        Assert.Multiple(() =>
        {
            Assert.That(UserSecretsFile.Read(path, "Jwt:Key"), Is.EqualTo("k"));
            Assert.That(UserSecretsFile.Read(path, "Heimnetz:Redis:Url"), Is.EqualTo("redis://:pw@127.0.0.1:6380"));
            Assert.That(path, Does.StartWith(Path.Combine(home, ".microsoft", "usersecrets", "shop-1234")));
        });
    }

    [Test]
    public void Remove_ValueSomeoneChanged_KeepsIt()
    {
        var path = UserSecretsFile.PathFor("shop-1234", home);
        UserSecretsFile.Set(path, "Heimnetz:Redis:Url", "redis://theirs:6379");

        Assert.Multiple(() =>
        {
            Assert.That(UserSecretsFile.Remove(path, "Heimnetz:Redis:Url", "redis://:pw@127.0.0.1:6380"), Is.False);
            Assert.That(UserSecretsFile.Read(path, "Heimnetz:Redis:Url"), Is.EqualTo("redis://theirs:6379"));
        });
    }
}
