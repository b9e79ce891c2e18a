using System.Text.RegularExpressions;
using Heimnetz.Harness.Fixtures;
using YamlDotNet.RepresentationModel;

namespace Heimnetz.Scenarios.Tests.Build;

/// <summary>
/// The CI workflow cannot run here, so it is checked against build.cake instead: valid YAML, and every target and
/// argument its run lines name exists in the build script.
/// </summary>
public sealed partial class MatrixWorkflowUnitTests
{
    private static readonly string Workflow = Path.Combine(RepositoryRoot.Path, ".github", "workflows", "matrix.yml");
    private static readonly string BuildScript = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "build.cake"));

    [Test]
    public void Workflow_RunLines_NameOnlyTargetsAndArgumentsOfBuildCake()
    {
        var runs = RunLines(Load()).Where(line => line.Contains("build.sh", StringComparison.Ordinal)).ToList();
        var targets = runs.SelectMany(line => TargetOption().Matches(line).Select(match => match.Groups[1].Value)).ToList();
        var arguments = runs.SelectMany(line => AnyOption().Matches(line).Select(match => match.Groups[1].Value)).Where(name => name != "target").Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(targets, Is.SupersetOf(new[] { "Matrix", "MatrixReport" }), "the workflow should run the cells and the report");
            foreach (var target in targets)
            {
                Assert.That(BuildScript, Does.Contain($"Task(\"{target}\")"), $"build.cake has no target {target}");
            }

            Assert.That(arguments, Is.SupersetOf(new[] { "server", "shard" }));
            foreach (var argument in arguments)
            {
                Assert.That(BuildScript.Contains($"Argument(\"{argument}\"", StringComparison.Ordinal) || Regex.IsMatch(BuildScript, $@"Argument<[^>]+>\(""{Regex.Escape(argument)}"""),
                    Is.True, $"build.cake reads no argument '{argument}'");
            }
        });
    }

    [Test]
    public void Workflow_Jobs_ShardTheCellsAndMergeThemAfterwards()
    {
        var jobs = (YamlMappingNode)Load()["jobs"];
        var cells = (YamlMappingNode)jobs["cells"];
        var report = (YamlMappingNode)jobs["report"];
        var matrix = (YamlMappingNode)((YamlMappingNode)cells["strategy"])["matrix"];
        var shards = ((YamlSequenceNode)matrix["shard"]).Select(node => node.ToString()).ToList();
        var runs = RunLines(Load()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(((YamlSequenceNode)matrix["server"]).Select(node => node.ToString()), Is.EquivalentTo(new[] { "redis-7.0", "redis-8.0", "valkey-8.1" }));
            Assert.That(runs, Has.Some.Contains($"/{shards.Count}"), "the shard count in the run line should be the number of shards in the job matrix");
            Assert.That(((YamlSequenceNode)report["needs"]).Select(node => node.ToString()), Is.EquivalentTo(new[] { "cells", "engines" }), "the report merges the shards and the engine axis");
            Assert.That(Serialize((YamlMappingNode)jobs["engines"]), Does.Contain("--engine=podman"));
            Assert.That(Serialize(report), Does.Contain("report.html"));
        });
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Workflow);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<string> RunLines(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.SelectMany(pair =>
            pair.Key.ToString() == "run" && pair.Value is YamlScalarNode scalar ? [scalar.Value ?? string.Empty] : RunLines(pair.Value)),
        YamlSequenceNode sequence => sequence.Children.SelectMany(RunLines),
        _ => [],
    };

    private static string Serialize(YamlNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    [GeneratedRegex(@"--target=(\w+)")]
    private static partial Regex TargetOption();

    [GeneratedRegex(@"--([a-z][\w-]*)=")]
    private static partial Regex AnyOption();
}
