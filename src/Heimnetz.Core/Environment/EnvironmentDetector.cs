using Heimnetz.EnvironmentDetection.Signals;

namespace Heimnetz.EnvironmentDetection;

/// <summary>
/// Detects where the process runs by reading a <see cref="Sysroot"/> through an ordered chain of signals.
/// The first signal with proof decides; hints alone (a marker file an image can carry) give <see cref="ContainerKind.Unknown"/>.
/// </summary>
public static class EnvironmentDetector
{
    // Order is precedence: an explicit override, then the orchestrator, then run-time engine signals, then hints.
    private static readonly IContainerSignal[] Chain =
    [
        new OverrideSignal(),
        new KubernetesSignal(),
        new ContainerVariableSignal(),
        new ContainerEnvFileSignal(),
        new MountSourcesSignal(),
        new CgroupPathSignal(),
        new DockerEnvSignal(),
        new DotnetContainerSignal(),
        new KernelSignal(),
    ];

    /// <summary>Detects the environment seen through <paramref name="sysroot"/>; never throws for missing or garbled files.</summary>
    public static RuntimeEnvironment Detect(Sysroot sysroot)
    {
        ArgumentNullException.ThrowIfNull(sysroot);
        var input = new DetectionInput(sysroot);
        var evidence = new List<Evidence>(input.Problems);
        var verdicts = new List<(string Signal, SignalVerdict Verdict)>();
        foreach (var signal in Chain)
        {
            if (signal.Evaluate(input, evidence) is { } verdict)
            {
                verdicts.Add((signal.Name, verdict));
            }
        }

        var (container, decidedBy) = Decide(verdicts, evidence);
        var rootless = container == ContainerKind.Podman && verdicts.Any(v => v.Verdict.Rootless);
        var cgroupVersion = CgroupVersionReader.Read(input, evidence);
        var network = NetworkInspector.Inspect(input, container, evidence);
        return new RuntimeEnvironment
        {
            Container = container,
            DecidedBy = decidedBy,
            Rootless = rootless,
            CgroupVersion = cgroupVersion,
            NetworkMode = network.Mode,
            DefaultGateway = network.DefaultGateway,
            Addresses = network.Addresses,
            HostAliases = network.HostAliases,
            Nameservers = network.Nameservers,
            Evidence = evidence,
            Unreadable = input.Unreadable,
        };
    }

    /// <summary>Runs <see cref="Detect"/> off the caller's thread, for hosts that must not block on file reads.</summary>
    public static Task<RuntimeEnvironment> DetectAsync(Sysroot sysroot, CancellationToken cancellationToken = default) =>
        Task.Run(() => Detect(sysroot), cancellationToken);

    private static (ContainerKind Container, string? DecidedBy) Decide(List<(string Signal, SignalVerdict Verdict)> verdicts, List<Evidence> evidence)
    {
        var proof = verdicts.FirstOrDefault(v => v.Verdict.IsProof);
        if (proof.Verdict is not null)
        {
            evidence.Add(new Evidence("decision", "detector", $"{WireNames.Of(proof.Verdict.Kind)}, decided by {proof.Signal}"));
            return (proof.Verdict.Kind, proof.Signal);
        }

        var hint = verdicts.FirstOrDefault(v => !v.Verdict.IsProof);
        if (hint.Verdict is not null)
        {
            evidence.Add(new Evidence("decision", "detector", $"unknown: only hints say container ({hint.Signal} → {WireNames.Of(hint.Verdict.Kind)}), nothing proves the engine"));
            return (ContainerKind.Unknown, hint.Signal);
        }

        evidence.Add(new Evidence("decision", "detector", "none: no signal points at a container"));
        return (ContainerKind.None, null);
    }
}
