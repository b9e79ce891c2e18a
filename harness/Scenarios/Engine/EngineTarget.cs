namespace Heimnetz.Harness.Scenarios.Engine;

/// <summary>
/// The engine this harness process runs its cells on: its kind, which is an axis of the matrix (Docker and Podman resolve
/// differently), and a label that says which engine ran a cell when one matrix is spread over several. Where the engine
/// is stays Testcontainers' own resolution (<c>DOCKER_HOST</c>), so a process talks to exactly one engine.
/// </summary>
public sealed record EngineTarget(string Kind, string Label)
{
    public const string Docker = "docker";
    public const string Podman = "podman";

    /// <summary>The kinds the matrix knows; each has approved matrices of its own.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Docker, Podman];

    /// <summary>The engine of this process: Docker unless the <c>cells</c> command was told otherwise.</summary>
    public static EngineTarget Current { get; private set; } = new(Docker, Docker);

    /// <summary>
    /// The matrix flavour of <paramref name="server"/> on this engine: the server's name on Docker (the approved files
    /// that exist), <c>server@kind</c> on another engine, so each engine's rows are compared with their own approved file.
    /// </summary>
    public string Flavour(string server) => Kind == Docker ? server : $"{server}@{Kind}";

    /// <summary>What the probe reports as <c>environment.container</c> inside this engine's containers.</summary>
    public string ContainerKind => Kind;

    /// <summary>
    /// The name under which the app reaches the host: Docker's only with an <c>extra_hosts</c> entry
    /// (<c>host-gateway</c>), Podman's in every container's <c>/etc/hosts</c> already, pointing at the network's gateway.
    /// </summary>
    public string HostAlias => Kind == Podman ? "host.containers.internal" : "host.docker.internal";

    /// <summary>Whether every container gets <see cref="HostAlias"/> without being asked (Podman does; Docker does not).</summary>
    public bool ProvidesHostAlias => Kind == Podman;

    /// <summary>Reads <c>--engine</c> and <c>--engine-label</c>; a bad kind is named with the kinds there are.</summary>
    public static EngineTarget Parse(string? kind, string? label)
    {
        var chosen = string.IsNullOrWhiteSpace(kind) ? Docker : kind.Trim().ToLowerInvariant();
        if (!Kinds.Contains(chosen))
        {
            throw new ArgumentException($"--engine names '{kind}', which is not an engine kind; expected one of {string.Join(", ", Kinds)}.", nameof(kind));
        }

        var named = string.IsNullOrWhiteSpace(label) ? chosen : label.Trim();
        if (named.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException($"--engine-label names '{label}'; expected letters, digits, '-', '_' or '.' (it names the engine in the report).", nameof(label));
        }

        return new EngineTarget(chosen, named);
    }

    /// <summary>Makes <paramref name="target"/> this process's engine (the <c>cells</c> command does, once, before any cell runs).</summary>
    public static void Use(EngineTarget target) => Current = target ?? throw new ArgumentNullException(nameof(target));
}
