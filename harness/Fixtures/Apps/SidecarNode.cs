using System.Globalization;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Nodes;
using Heimnetz.Harness.Fixtures.Probe;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Probing;

namespace Heimnetz.Testing;

/// <summary>
/// The <c>heimnetz</c> probe in the app's network namespace (<c>--network container:&lt;app&gt;</c>): same interfaces,
/// same /etc/hosts and DNS, same loopback. It reports what the app sees without touching the app's image, and it is
/// also where HTTP readings of the app are sent from, so they work on any wiring.
/// </summary>
public sealed class SidecarNode : TopologyNode
{
    /// <summary>The sidecar's image unless <see cref="AppRunOptions.SidecarImage"/> names another.</summary>
    public const string DefaultImage = "heimnetz/probe-base:1";

    private const UnixFileModes Executable = UnixFileModes.UserRead | UnixFileModes.UserWrite | UnixFileModes.UserExecute
        | UnixFileModes.GroupRead | UnixFileModes.GroupExecute | UnixFileModes.OtherRead | UnixFileModes.OtherExecute;

    private SidecarNode(IContainer container)
        : base("sidecar", container)
    {
    }

    internal static async Task<SidecarNode> CreateAsync(string image, AppNode app, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var binary = await ProbeArtifact.GetPathAsync(cancellationToken).ConfigureAwait(false);
        var builder = new ContainerBuilder(image)
            .Wire(cached => cached is null ? throw new ImageNotBuiltException(image, MissingImageHint) : false, new Attachment.SharedWith(app.Container.Id, app.Role))
            .WithResourceMapping(new FileInfo(binary), new FileInfo(ProbeArtifact.ContainerPath), fileMode: Executable)
            .WithEnvironment(environment.ToDictionary(pair => pair.Key, pair => pair.Value))
            .WithEnvironment("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
            .WithEntrypoint("sleep")
            .WithCommand("infinity");
        return new SidecarNode(builder.Build());
    }

    private static string MissingImageHint =>
        "the sidecar needs an image with bash, coreutils and what a self-contained .NET app needs (glibc, libstdc++, zlib, OpenSSL 3), "
        + "such as the .NET runtime-deps image for Debian 12; pass it as AppRunOptions.SidecarImage (--sidecar-image), "
        + "or build heimnetz/probe-base:1 from the Heimnetz repository (bash eng/images/build-images.sh).";

    /// <summary>Runs <c>heimnetz probe --json</c> in the app's namespace.</summary>
    public async Task<ProbeRun> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var result = await Container.ExecAsync([ProbeArtifact.ContainerPath, "probe", "--json"], cancellationToken).ConfigureAwait(false);
        ProbeReport? report = null;
        try
        {
            report = result.Stdout.TrimStart().StartsWith('{') ? ProbeReportJson.Deserialize(result.Stdout) : null;
        }
        catch (JsonException)
        {
        }

        return new ProbeRun(result.ExitCode ?? -1, result.Stdout, result.Stderr, report);
    }

    /// <summary>
    /// <c>GET path</c> on 127.0.0.1:<paramref name="port"/> in the app's namespace, over HTTP/1.0 so the app closes the
    /// connection; returns the status code (null: nothing answered within 5 s) and the body.
    /// </summary>
    public async Task<(int? Status, string Body)> GetAsync(int port, string path, CancellationToken cancellationToken = default)
    {
        var script = string.Create(CultureInfo.InvariantCulture,
            $"exec 3<>/dev/tcp/127.0.0.1/{port} || exit 7; printf 'GET {AppStateSource.CheckPath(path)} HTTP/1.0\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3; timeout 5 cat <&3");
        var result = await Container.ExecAsync(["bash", "-c", script], cancellationToken).ConfigureAwait(false);
        var response = result.Stdout;
        var firstLine = response.Split('\n', 2)[0].Trim();
        var parts = firstLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return (null, string.Empty);
        }

        var bodyStart = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyStart < 0 ? string.Empty : response[(bodyStart + 4)..]);
    }
}
