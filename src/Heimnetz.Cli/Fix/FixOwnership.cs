using System.IO.Hashing;
using System.Text;

namespace Heimnetz.Cli.Fix;

/// <summary>
/// How <c>heimnetz fix</c> proves it made something: engine objects carry <see cref="OwnerLabel"/> and the scope of the
/// directory fix ran for, so two projects get two development Redis servers and <c>--undo</c> in one never touches the other's.
/// </summary>
internal sealed record FixOwnership(string Directory)
{
    /// <summary>Present with value <see cref="OwnerValue"/> on everything fix created in the engine.</summary>
    public const string OwnerLabel = "dev.heimnetz.fix.owner";

    public const string OwnerValue = "heimnetz-fix";

    /// <summary>A short hash of the directory fix ran for.</summary>
    public const string ScopeLabel = "dev.heimnetz.fix.scope";

    /// <summary>The directory itself, for whoever reads <c>docker inspect</c>.</summary>
    public const string DirectoryLabel = "dev.heimnetz.fix.directory";

    /// <summary>The host port the development Redis was published on, so a plan can name it without touching the container.</summary>
    public const string PortLabel = "dev.heimnetz.fix.port";

    public string Scope { get; } = Convert.ToHexStringLower(XxHash64.Hash(Encoding.UTF8.GetBytes(Path.GetFullPath(Directory))))[..10];

    public string ContainerName => $"heimnetz-dev-redis-{Scope}";

    public IDictionary<string, string> Labels => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [OwnerLabel] = OwnerValue,
        [ScopeLabel] = Scope,
        [DirectoryLabel] = Path.GetFullPath(Directory),
    };

    /// <summary>The engine filter that finds exactly what fix made for this directory.</summary>
    public IDictionary<string, IDictionary<string, bool>> Filter => new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal)
    {
        ["label"] = new Dictionary<string, bool>(StringComparer.Ordinal) { [$"{OwnerLabel}={OwnerValue}"] = true, [$"{ScopeLabel}={Scope}"] = true },
    };
}
