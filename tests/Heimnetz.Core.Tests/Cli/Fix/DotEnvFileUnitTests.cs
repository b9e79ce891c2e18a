using System.Runtime.Versioning;
using Heimnetz.Cli.Fix;

namespace Heimnetz.Tests.Cli.Fix;

[TestFixture]
[UnsupportedOSPlatform("windows")]
public sealed class DotEnvFileUnitTests
{
    private string directory = null!;

    private string EnvPath => Path.Combine(directory, ".env");

    [SetUp]
    public void SetUp() => directory = Directory.CreateTempSubdirectory("heimnetz-dotenv-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Set_ExistingFile_ReplacesOnlyOurKeyAndKeepsEverythingElse()
    {
        // Given
        File.WriteAllText(EnvPath, "# app settings\nAPP_NAME=shop\nexport REDIS_URL=\"redis://old:6379\"\n\nLOG_LEVEL=debug\nREDIS_URL=redis://older:6379\n");

        // When
        var changed = DotEnvFile.Set(EnvPath, "REDIS_URL", "redis://:pw@127.0.0.1:6380");

        // Then
        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(File.ReadAllText(EnvPath), Is.EqualTo("# app settings\nAPP_NAME=shop\nREDIS_URL=redis://:pw@127.0.0.1:6380\n\nLOG_LEVEL=debug\n"));
        });
    }

    [Test]
    public void Set_NoFile_CreatesOneOnlyItsOwnerCanRead_WithoutAByteOrderMark()
    {
        DotEnvFile.Set(EnvPath, "REDIS_URL", "redis://:pw@127.0.0.1:6380");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(EnvPath)[0], Is.EqualTo((byte)'R'), "compose and shells read a BOM as part of the first key");
            Assert.That(File.GetUnixFileMode(EnvPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        });
    }

    [Test]
    public void Set_SameValueAgain_ChangesNothing()
    {
        DotEnvFile.Set(EnvPath, "REDIS_URL", "redis://:pw@127.0.0.1:6380");

        Assert.That(DotEnvFile.Set(EnvPath, "REDIS_URL", "redis://:pw@127.0.0.1:6380"), Is.False);
    }

    [Test]
    public void Read_QuotedAndExported_ReturnsTheUnquotedValue()
    {
        File.WriteAllText(EnvPath, "export REDIS_URL='redis://a:1'\nOTHER=x\n");

        Assert.That(DotEnvFile.Read(EnvPath, "REDIS_URL"), Is.EqualTo("redis://a:1"));
    }

    [Test]
    public void Remove_ValueSomeoneChanged_KeepsIt()
    {
        File.WriteAllText(EnvPath, "REDIS_URL=redis://theirs:6379\n");

        var removed = DotEnvFile.Remove(EnvPath, "REDIS_URL", "redis://:pw@127.0.0.1:6380");

        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.False);
            Assert.That(File.ReadAllText(EnvPath), Is.EqualTo("REDIS_URL=redis://theirs:6379\n"));
        });
    }

    [Test]
    public void Remove_OurValueBesideOthers_RemovesOnlyOurLine()
    {
        File.WriteAllText(EnvPath, "APP=1\nREDIS_URL=redis://:pw@127.0.0.1:6380\n");

        DotEnvFile.Remove(EnvPath, "REDIS_URL", "redis://:pw@127.0.0.1:6380");

        Assert.That(File.ReadAllText(EnvPath), Is.EqualTo("APP=1\n"));
    }

    [Test]
    public void Remove_OurValueAlone_RemovesTheFileFixCreated()
    {
        DotEnvFile.Set(EnvPath, "REDIS_URL", "redis://:pw@127.0.0.1:6380");

        DotEnvFile.Remove(EnvPath, "REDIS_URL", "redis://:pw@127.0.0.1:6380");

        Assert.That(File.Exists(EnvPath), Is.False);
    }

    [Test]
    public void EnsureWritable_ReadOnlyDirectory_NamesTheDirectoryAndTheWayOut()
    {
        var readOnly = ReadOnlyDirectories.Create(directory);

        var error = Assert.Throws<FixException>(() => DotEnvFile.EnsureWritable(readOnly));

        Assert.That(error!.Message, Does.Contain(readOnly).And.Contain("--user-secrets").And.Contain("nothing was changed"));
    }
}
