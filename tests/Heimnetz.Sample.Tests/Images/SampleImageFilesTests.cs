using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Heimnetz.Harness.Fixtures;

namespace Heimnetz.Sample.Tests.Images;

/// <summary>The Dockerfile, the image script, the compose file and the project name the same things; no Docker needed.</summary>
[TestFixture]
public sealed partial class SampleImageFilesTests
{
    private static readonly string ServiceDirectory = Path.Combine(RepositoryRoot.Path, "samples", "Heimnetz.Sample.Service");
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(ServiceDirectory, "Dockerfile"));

    [Test]
    public void Dockerfile_EntryPoint_IsTheServicesAssemblyName()
    {
        var assemblyName = XDocument.Load(Path.Combine(ServiceDirectory, "Heimnetz.Sample.Service.csproj")).Descendants("AssemblyName").Single().Value;

        Assert.That(Dockerfile, Does.Contain($"ENTRYPOINT [\"/app/{assemblyName}\"]"));
    }

    [Test]
    public void Dockerfile_ExposedPort_IsThePortTheServiceListensOn()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(ServiceDirectory, "appsettings.json")));
        var port = new Uri(settings.RootElement.GetProperty("Urls").GetString()!.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;

        Assert.Multiple(() =>
        {
            Assert.That(port, Is.EqualTo(5003));
            Assert.That(Dockerfile, Does.Contain($"EXPOSE {port}"));
        });
    }

    [Test]
    public void Dockerfile_BaseImage_IsABuildArgumentWithoutADefault()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Dockerfile, Does.Match(@"(?m)^ARG BASE_IMAGE$"), "no default: a user names the base they trust");
            Assert.That(Dockerfile, Does.Match(@"(?m)^FROM \$\{BASE_IMAGE\}$"));
        });
    }

    [Test]
    public void ComposeApp_BuildsTheDockerfileIntoTheTagTheScriptBuilds()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "docker-compose.dev-networking.yml"));
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "eng", "sample-image.sh"));
        var app = compose[compose.IndexOf("\n  app:", StringComparison.Ordinal)..];
        var context = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "samples", Value(app, "context")));
        var dockerfile = Path.GetFullPath(Path.Combine(context, Value(app, "dockerfile")));

        Assert.Multiple(() =>
        {
            Assert.That(Value(app, "image"), Is.EqualTo(ScriptTag().Match(script).Groups["tag"].Value));
            Assert.That(context, Is.EqualTo(Path.Combine(RepositoryRoot.Path, "artifacts", "sample-image")), "the folder the script publishes into");
            Assert.That(dockerfile, Is.EqualTo(Path.Combine(ServiceDirectory, "Dockerfile")));
            Assert.That(Value(app, "pull_policy"), Is.EqualTo("build"), "never pulled: the image exists only where it was built");
        });
    }

    private static string Value(string yaml, string key) =>
        Regex.Match(yaml, $@"(?m)^\s+{key}: (?<value>\S+)\s*$") is { Success: true } match
            ? match.Groups["value"].Value
            : throw new AssertionException($"'{key}' is missing under the compose file's app service");

    [GeneratedRegex(@"(?m)^tag=(?<tag>\S+)$")]
    private static partial Regex ScriptTag();
}
