using System.Net;

namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>Finds engine-provided host aliases in <c>etc/hosts</c>.</summary>
internal static class HostsParser
{
    /// <summary>Names that container engines and VM tools write to reach the host or the gateway.</summary>
    public static IReadOnlyList<string> KnownAliases { get; } =
        ["host.docker.internal", "gateway.docker.internal", "host.containers.internal", "host.lima.internal"];

    public static IReadOnlyList<string> Aliases(string text)
    {
        var aliases = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = hash >= 0 ? raw[..hash] : raw;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || !IPAddress.TryParse(fields[0], out _))
            {
                continue;
            }

            foreach (var name in fields.Skip(1))
            {
                if (KnownAliases.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    var alias = $"{name.ToLowerInvariant()}={fields[0]}";
                    if (!aliases.Contains(alias))
                    {
                        aliases.Add(alias);
                    }
                }
            }
        }

        return aliases;
    }
}
