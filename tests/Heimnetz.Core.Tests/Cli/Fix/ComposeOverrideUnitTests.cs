using Heimnetz.Cli.Fix;
using Heimnetz.Diagnostics.Remedies;
using YamlDotNet.RepresentationModel;

namespace Heimnetz.Tests.Cli.Fix;

[TestFixture]
public sealed class ComposeOverrideUnitTests
{
    private const string Compose = """
        services:
          app:
            image: shop
          cache:
            image: redis:7
            networks: [backend]
        networks:
          backend: {}
        """;

    private static readonly AddExtraHost HostAlias = new("host.docker.internal", AddExtraHost.HostGateway);

    private string directory = null!;

    private string OverridePath => Path.Combine(directory, "docker-compose.override.yml");

    [SetUp]
    public void SetUp()
    {
        directory = Directory.CreateTempSubdirectory("heimnetz-compose-").FullName;
        File.WriteAllText(Path.Combine(directory, "docker-compose.yml"), Compose);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Render_HostAlias_AddsExtraHostsToTheAppServiceOnly()
    {
        var compose = ComposeOverride.Find(directory)!;

        compose.Write(compose.Render("app", [HostAlias], null));

        var app = Service(OverridePath, "app");
        Assert.Multiple(() =>
        {
            Assert.That(Strings(app, "extra_hosts"), Is.EqualTo(new[] { "host.docker.internal:host-gateway" }));
            Assert.That(File.ReadAllText(Path.Combine(directory, "docker-compose.yml")), Is.EqualTo(Compose), "the user's compose file is never edited");
        });
    }

    [Test]
    public void Render_AttachNetwork_KeepsTheAppsDefaultNetworkAndAddsRedisOnes()
    {
        var compose = ComposeOverride.Find(directory)!;

        compose.Write(compose.Render("app", [new AttachNetwork("redis", null)], redisService: "cache"));

        Assert.That(Strings(Service(OverridePath, "app"), "networks"), Is.EqualTo(new[] { "default", "backend" }));
    }

    [Test]
    public void Render_UnknownService_NamesItAndTheServicesThereAre()
    {
        var compose = ComposeOverride.Find(directory)!;

        var error = Assert.Throws<FixException>(() => compose.Render("web", [HostAlias], null));

        Assert.That(error!.Message, Does.Contain("'web'").And.Contain("app, cache"));
    }

    [Test]
    public void Render_RedisServiceMissing_AsksForRedisService()
    {
        var compose = ComposeOverride.Find(directory)!;

        var error = Assert.Throws<FixException>(() => compose.Render("app", [new AttachNetwork("redis", null)], null));

        Assert.That(error!.Message, Does.Contain("no service 'redis'").And.Contain("--redis-service"));
    }

    [Test]
    public void Render_UsersOwnOverride_RefusesWithTheLinesToAddAndLeavesItAlone()
    {
        const string theirs = "# mine\nservices:\n  app:\n    environment:\n      - A=1\n";
        File.WriteAllText(OverridePath, theirs);
        var compose = ComposeOverride.Find(directory)!;

        var error = Assert.Throws<FixException>(() => compose.Render("app", [HostAlias], null));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("did not write it").And.Contain("host.docker.internal:host-gateway"));
            Assert.That(File.ReadAllText(OverridePath), Is.EqualTo(theirs));
        });
    }

    [Test]
    public void Render_OverrideFixWrote_MergesTheNewRemedy()
    {
        var compose = ComposeOverride.Find(directory)!;
        compose.Write(compose.Render("app", [HostAlias], null));

        compose.Write(compose.Render("app", [new AttachNetwork("cache", null)], null));

        var app = Service(OverridePath, "app");
        Assert.Multiple(() =>
        {
            Assert.That(Strings(app, "extra_hosts"), Is.EqualTo(new[] { "host.docker.internal:host-gateway" }));
            Assert.That(Strings(app, "networks"), Is.EqualTo(new[] { "default", "backend" }));
        });
    }

    [Test]
    public void Undo_OverrideFixWroteUnchanged_RemovesIt()
    {
        var compose = ComposeOverride.Find(directory)!;
        compose.Write(compose.Render("app", [HostAlias], null));

        compose.Undo();

        Assert.That(File.Exists(OverridePath), Is.False);
    }

    [Test]
    public void Undo_OverrideFixWroteThenEdited_KeepsIt()
    {
        var compose = ComposeOverride.Find(directory)!;
        compose.Write(compose.Render("app", [HostAlias], null));
        File.AppendAllText(OverridePath, "    environment: [A=1]\n");

        var said = compose.Undo();

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(OverridePath), Is.True);
            Assert.That(said, Does.Contain("kept"));
        });
    }

    private static YamlMappingNode Service(string path, string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return (YamlMappingNode)((YamlMappingNode)root["services"])[name];
    }

    private static string[] Strings(YamlMappingNode service, string key) =>
        [.. ((YamlSequenceNode)service[key]).Children.Cast<YamlScalarNode>().Select(item => item.Value!)];
}
