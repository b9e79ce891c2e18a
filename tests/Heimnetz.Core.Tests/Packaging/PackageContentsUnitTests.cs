using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using Heimnetz.Harness.Fixtures;

namespace Heimnetz.Tests.Packaging;

/// <summary>
/// Packs Heimnetz.Core and the heimnetz tool the way the Pack target does, with its own build output under artifacts/
/// (inside the repository, as obj/ is, so generated sources map to /_/ too; the solution's bin/obj stay untouched),
/// and opens the packages as a feed would.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PackageContentsUnitTests
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    private string workspace = null!;
    private ZipArchive core = null!;
    private ZipArchive coreSymbols = null!;
    private ZipArchive tool = null!;

    [OneTimeSetUp]
    public async Task PackOnce()
    {
        workspace = Path.Combine(RepositoryRoot.Path, "artifacts", "package-test", Guid.NewGuid().ToString("N"));
        var output = Path.Combine(workspace, "packages");
        foreach (var project in new[] { "src/Heimnetz.Core/Heimnetz.Core.csproj", "src/Heimnetz.Cli/Heimnetz.Cli.csproj" })
        {
            await RunAsync(
                "dotnet", "pack", Path.Combine(RepositoryRoot.Path, project), "-c", "Release", "-o", output,
                $"-p:ArtifactsPath={Path.Combine(workspace, "build")}", "-p:ContinuousIntegrationBuild=true");
        }

        core = Open(output, "Heimnetz.Core.*.nupkg");
        coreSymbols = Open(output, "Heimnetz.Core.*.snupkg");
        tool = Open(output, "heimnetz.*.nupkg");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        core?.Dispose();
        coreSymbols?.Dispose();
        tool?.Dispose();
        if (workspace is not null)
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    [Test]
    public void CorePackage_DeclaresMitAndCarriesTheLicenceFile()
    {
        var metadata = Metadata(core);
        var license = Element(metadata, "license");
        var text = Text(core, "LICENSE");

        Assert.Multiple(() =>
        {
            Assert.That(license.Attribute("type")?.Value, Is.EqualTo("expression"));
            Assert.That(license.Value, Is.EqualTo("MIT"));
            Assert.That(text, Does.StartWith("MIT License").And.Contain("Copyright (c) The Heimnetz contributors"));
        });
    }

    [TestCase("core")]
    [TestCase("tool")]
    public void Package_HasAReadmeThatShowsHowToInstallIt(string which)
    {
        var package = which == "core" ? core : tool;
        var readme = Element(Metadata(package), "readme").Value;

        Assert.That(Text(package, readme), Does.Contain(which == "core" ? "dotnet add package Heimnetz.Core" : "dotnet tool install"));
    }

    [Test]
    public void CorePackage_HasXmlDocsBesideTheAssembly()
    {
        var docs = XDocument.Parse(Text(core, "lib/net10.0/Heimnetz.Core.xml"));
        var members = docs.Descendants("member").Select(member => member.Attribute("name")?.Value).ToList();

        Assert.That(members, Has.Some.StartsWith("M:Microsoft.Extensions.DependencyInjection.HeimnetzCacheServiceCollectionExtensions.AddHeimnetzCache"));
    }

    [Test]
    public async Task CorePackage_NamesTheCommitItWasBuiltFrom()
    {
        var repository = Element(Metadata(core), "repository");
        var head = (await RunAsync("git", "-C", RepositoryRoot.Path, "rev-parse", "HEAD")).Trim();

        Assert.That(repository.Attribute("commit")?.Value, Is.EqualTo(head), "the nuspec's <repository commit=...>");
    }

    [Test]
    public void SymbolPackage_HoldsThePdbOfThePackedAssemblyWithDeterministicSourcePaths()
    {
        using var assembly = new PEReader(Copy(core, "lib/net10.0/Heimnetz.Core.dll"));
        var codeView = assembly.ReadDebugDirectory().Single(entry => entry.Type == DebugDirectoryEntryType.CodeView);
        var expectedId = assembly.ReadCodeViewDebugDirectoryData(codeView).Guid;

        using var pdb = MetadataReaderProvider.FromPortablePdbStream(Copy(coreSymbols, "lib/net10.0/Heimnetz.Core.pdb"));
        var reader = pdb.GetMetadataReader();
        var documents = reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name)).ToList();
        var pdbId = new Guid(reader.DebugMetadataHeader!.Id.Take(16).ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(assembly.ReadDebugDirectory().Any(entry => entry.IsPortableCodeView || entry.Type == DebugDirectoryEntryType.Reproducible),
                Is.True, "the assembly is marked deterministic");
            Assert.That(pdbId, Is.EqualTo(expectedId), "the snupkg's PDB belongs to the packed assembly");
            Assert.That(documents, Is.Not.Empty);
            Assert.That(documents.Where(document => !document.StartsWith("/_/", StringComparison.Ordinal)), Is.Empty,
                "source paths are mapped to /_/, not to the machine that packed");
        });

        // SourceLink JSON exists once the repository has a remote on a known host; when it does, it must map /_/.
        var sourceLink = SourceLinkJson(reader);
        if (sourceLink is not null)
        {
            using var json = JsonDocument.Parse(sourceLink);
            Assert.That(json.RootElement.GetProperty("documents").EnumerateObject().Select(entry => entry.Name), Has.Some.StartsWith("/_/"));
        }
    }

    [Test]
    public void ToolPackage_RunsOnNewerRuntimesAndIsADotnetTool()
    {
        var settings = XDocument.Parse(Text(tool, "tools/net10.0/any/DotnetToolSettings.xml"));
        using var runtimeConfig = JsonDocument.Parse(Text(tool, "tools/net10.0/any/heimnetz.runtimeconfig.json"));
        var packageTypes = Metadata(tool).Descendants().Where(element => element.Name.LocalName == "packageType").Select(element => element.Attribute("name")?.Value);

        Assert.Multiple(() =>
        {
            Assert.That(settings.Descendants("Command").Single().Attribute("Name")?.Value, Is.EqualTo("heimnetz"));
            Assert.That(runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("rollForward").GetString(), Is.EqualTo("Major"));
            Assert.That(packageTypes, Has.Member("DotnetTool"));
            Assert.That(Text(tool, "LICENSE"), Does.StartWith("MIT License"));
        });
    }

    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static string? SourceLinkJson(MetadataReader reader)
    {
        foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == SourceLinkKind)
            {
                return System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }

        return null;
    }

    private static ZipArchive Open(string folder, string pattern)
    {
        var files = Directory.GetFiles(folder, pattern);
        Assert.That(files, Has.Length.EqualTo(1), $"one {pattern} in {folder}");
        return ZipFile.OpenRead(files[0]);
    }

    private static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !entry.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)
        ?? throw new AssertionException($"the nuspec has no <{name}>");

    private static string Text(ZipArchive package, string path)
    {
        using var reader = new StreamReader(Entry(package, path).Open());
        return reader.ReadToEnd();
    }

    private static MemoryStream Copy(ZipArchive package, string path)
    {
        var copy = new MemoryStream();
        using (var stream = Entry(package, path).Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }

    private static ZipArchiveEntry Entry(ZipArchive package, string path) =>
        package.GetEntry(path) ?? throw new AssertionException(
            $"the package has no '{path}'; it has: {string.Join(", ", package.Entries.Select(entry => entry.FullName))}");

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PackTimeout);
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', arguments)} failed:\n{text}");
        return text;
    }
}
