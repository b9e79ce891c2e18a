using System.Text.Json;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Probe;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Probing;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>The app's place in a topology: a probe-base container with this run's <c>heimnetz</c> copied in.</summary>
public sealed class ProbeNode : TopologyNode
{
    private const UnixFileModes Executable = UnixFileModes.UserRead | UnixFileModes.UserWrite | UnixFileModes.UserExecute
        | UnixFileModes.GroupRead | UnixFileModes.GroupExecute | UnixFileModes.OtherRead | UnixFileModes.OtherExecute;

    private ProbeNode(string role, IContainer container, ProbeNodeSpec spec)
        : base(role, container)
    {
        Spec = spec;
    }

    public ProbeNodeSpec Spec { get; }

    internal static async Task<ProbeNode> CreateAsync(string role, ProbeNodeSpec spec, CancellationToken cancellationToken)
    {
        var binary = await ProbeArtifact.GetPathAsync(cancellationToken).ConfigureAwait(false);
        var builder = new ContainerBuilder(LogicalImage.ProbeBase.Reference)
            .Wire(LogicalImage.ProbeBase, spec.Attachment)
            // Resource mapping copies the bytes through the API, so a remote engine (DOCKER_HOST) works too.
            .WithResourceMapping(new FileInfo(binary), new FileInfo(ProbeArtifact.ContainerPath), fileMode: Executable)
            .WithEnvironment(spec.Environment.ToDictionary(pair => pair.Key, pair => pair.Value))
            .WithCommand("sleep", "infinity");
        if (spec.HostGatewayAlias)
        {
            builder = builder.WithExtraHost("host.docker.internal", "host-gateway");
        }

        if (AppCpuLimit.Current is { } cores)
        {
            builder = builder.WithCreateParameterModifier(parameters => parameters.HostConfig!.NanoCPUs = AppCpuLimit.NanoCpus(cores));
        }

        return new ProbeNode(role, builder.Build(), spec);
    }

    /// <summary>Runs <c>heimnetz probe --json</c> in the container and parses the report.</summary>
    public Task<ProbeRun> ProbeAsync(CancellationToken cancellationToken = default) =>
        RunAsync(["probe", "--json"], cancellationToken);

    /// <summary>Runs <c>heimnetz</c> with the given arguments; parses stdout as a probe report when it is one.</summary>
    public async Task<ProbeRun> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await Container.ExecAsync([ProbeArtifact.ContainerPath, .. arguments], cancellationToken).ConfigureAwait(false);
        return new ProbeRun(result.ExitCode ?? -1, result.Stdout, result.Stderr, TryParse(result.Stdout));
    }

    private static ProbeReport? TryParse(string stdout)
    {
        if (!stdout.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return ProbeReportJson.Deserialize(stdout);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
