using System.Security.Cryptography;
using System.Text;
using Heimnetz.Diagnostics.Remedies;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Heimnetz.Cli.Fix;

/// <summary>
/// Writes the compose remedies (<see cref="AddExtraHost"/>, <see cref="AttachNetwork"/>) for the app's service into the
/// override file compose reads beside the project's compose file. The user's compose file is only read. An override
/// fix wrote carries a marker with a hash of its content: fix merges into it and <c>--undo</c> deletes it while it is
/// unchanged; any other override is left alone, with the lines to add printed instead.
/// </summary>
internal sealed class ComposeOverride
{
    private const string MarkerPrefix = "# Written by heimnetz fix; 'heimnetz fix --undo' removes it while it is unchanged. content-sha256=";

    private static readonly (string File, string Override)[] Names =
    [
        ("compose.yaml", "compose.override.yaml"),
        ("compose.yml", "compose.override.yml"),
        ("docker-compose.yml", "docker-compose.override.yml"),
        ("docker-compose.yaml", "docker-compose.override.yaml"),
    ];

    private ComposeOverride(string composeFile, string overrideFile)
    {
        ComposeFile = composeFile;
        OverrideFile = overrideFile;
    }

    /// <summary>The user's compose file (read, never written).</summary>
    public string ComposeFile { get; }

    /// <summary>The override file compose merges over it.</summary>
    public string OverrideFile { get; }

    /// <summary>The project's compose file and its override in <paramref name="directory"/>, or null when there is no compose file.</summary>
    public static ComposeOverride? Find(string directory) =>
        Names.Where(name => File.Exists(Path.Combine(directory, name.File)))
            .Select(name => new ComposeOverride(Path.Combine(directory, name.File), Path.Combine(directory, name.Override)))
            .FirstOrDefault();

    /// <summary>
    /// The override's content with the remedies added for <paramref name="service"/>: the current override when fix
    /// wrote it, else a new one. Throws <see cref="FixException"/> for an unknown service or an override fix did not write.
    /// </summary>
    public string Render(string service, IReadOnlyCollection<RemedyAction> actions, string? redisService)
    {
        var compose = Load(ComposeFile);
        var services = compose.Children.TryGetValue(new YamlScalarNode("services"), out var node) && node is YamlMappingNode found ? found : new YamlMappingNode();
        var names = services.Children.Keys.OfType<YamlScalarNode>().Select(key => key.Value!).ToList();
        if (!names.Contains(service, StringComparer.Ordinal))
        {
            throw new FixException($"--service '{service}' is not a service in {Path.GetFileName(ComposeFile)}; its services are: {string.Join(", ", names)}.");
        }

        var root = OursOrNew(service, actions, redisService);
        var app = Child(Child(root, "services"), service);
        foreach (var action in actions)
        {
            switch (action)
            {
                case AddExtraHost add:
                    AddUnique(Sequence(app, "extra_hosts"), $"{add.Host}:{add.Target}");
                    break;
                case AttachNetwork attach:
                    var redis = redisService ?? attach.Service;
                    if (!names.Contains(redis, StringComparer.Ordinal))
                    {
                        throw new FixException($"{Path.GetFileName(ComposeFile)} has no service '{redis}' (its services are: {string.Join(", ", names)}); name the Redis service with --redis-service.");
                    }

                    // Listing networks replaces the app's implicit 'default', so the app keeps the ones it had.
                    var networks = Sequence(app, "networks");
                    foreach (var network in NetworksOf(services, service).Concat(attach.Network is { } named ? [named] : NetworksOf(services, redis)))
                    {
                        AddUnique(networks, network);
                    }

                    break;
                default:
                    break;
            }
        }

        var body = Serialize(root);
        return $"{MarkerPrefix}{Hash(body)}\n{body}";
    }

    /// <summary>Writes <paramref name="content"/> (from <see cref="Render"/>); returns whether the file changed.</summary>
    public bool Write(string content)
    {
        if (File.Exists(OverrideFile) && File.ReadAllText(OverrideFile) == content)
        {
            return false;
        }

        try
        {
            var temporary = OverrideFile + ".heimnetz.tmp";
            File.WriteAllText(temporary, content);
            File.Move(temporary, OverrideFile, overwrite: true);
            return true;
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new FixException($"Cannot write {OverrideFile} ({error.Message}).", error);
        }
    }

    /// <summary>Deletes the override when fix wrote it and nobody changed it since; says what it did.</summary>
    public string Undo()
    {
        if (!File.Exists(OverrideFile))
        {
            return $"{Path.GetFileName(OverrideFile)}: none";
        }

        if (!IsOursUnchanged(File.ReadAllText(OverrideFile)))
        {
            return $"{Path.GetFileName(OverrideFile)}: kept (fix did not write it, or it changed since)";
        }

        File.Delete(OverrideFile);
        return $"{Path.GetFileName(OverrideFile)}: removed";
    }

    private YamlMappingNode OursOrNew(string service, IReadOnlyCollection<RemedyAction> actions, string? redisService)
    {
        if (!File.Exists(OverrideFile))
        {
            return new YamlMappingNode { { "services", new YamlMappingNode { { service, new YamlMappingNode() } } } };
        }

        var text = File.ReadAllText(OverrideFile);
        if (!IsOursUnchanged(text))
        {
            // Rewriting someone's YAML would drop their comments and layout: say what to add instead.
            var wanted = new ComposeOverride(ComposeFile, Path.Combine(Path.GetTempPath(), $"heimnetz-absent-{Guid.NewGuid():N}.yml")).Render(service, actions, redisService);
            throw new FixException($"{Path.GetFileName(OverrideFile)} exists and heimnetz fix did not write it (or it changed since), so fix leaves it as it is. Merge these lines into it yourself:\n{wanted[(wanted.IndexOf('\n', StringComparison.Ordinal) + 1)..]}");
        }

        var root = Load(OverrideFile);
        return root;
    }

    private static bool IsOursUnchanged(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline > 0 && text.StartsWith(MarkerPrefix, StringComparison.Ordinal) && text[MarkerPrefix.Length..newline] == Hash(text[(newline + 1)..]);
    }

    private static IEnumerable<string> NetworksOf(YamlMappingNode services, string service)
    {
        var definition = services.Children[new YamlScalarNode(service)] as YamlMappingNode;
        if (definition is null || !definition.Children.TryGetValue(new YamlScalarNode("networks"), out var networks))
        {
            return ["default"];
        }

        return networks switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(item => item.Value!),
            YamlMappingNode map => map.Children.Keys.OfType<YamlScalarNode>().Select(key => key.Value!),
            _ => ["default"],
        };
    }

    private static YamlMappingNode Load(string path)
    {
        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode ?? throw new FixException($"{path} is not a YAML mapping.");
        }
        catch (YamlException error)
        {
            throw new FixException($"{path} is not valid YAML (line {error.Start.Line}: {error.Message}).", error);
        }
    }

    private static YamlMappingNode Child(YamlMappingNode parent, string name)
    {
        if (parent.Children.TryGetValue(new YamlScalarNode(name), out var node) && node is YamlMappingNode mapping)
        {
            return mapping;
        }

        var created = new YamlMappingNode();
        parent.Children[new YamlScalarNode(name)] = created;
        return created;
    }

    private static YamlSequenceNode Sequence(YamlMappingNode parent, string name)
    {
        if (parent.Children.TryGetValue(new YamlScalarNode(name), out var node) && node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        var created = new YamlSequenceNode();
        parent.Children[new YamlScalarNode(name)] = created;
        return created;
    }

    private static void AddUnique(YamlSequenceNode sequence, string value)
    {
        if (!sequence.Children.OfType<YamlScalarNode>().Any(item => item.Value == value))
        {
            sequence.Add(new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted });
        }
    }

    private static string Serialize(YamlMappingNode root)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        // YamlDotNet ends a document with "...": compose reads it, people wonder about it.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16];
}
