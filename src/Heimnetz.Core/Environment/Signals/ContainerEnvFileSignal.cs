namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary>Podman bind-mounts <c>run/.containerenv</c> into every container; <c>rootless=1</c> in it marks a rootless one.</summary>
internal sealed class ContainerEnvFileSignal : IContainerSignal
{
    public string Name => "containerenv-file";

    public SignalVerdict? Evaluate(DetectionInput input, ICollection<Evidence> evidence)
    {
        if (!input.Exists(SysrootFiles.ContainerEnv))
        {
            evidence.Add(new Evidence(Name, "/" + SysrootFiles.ContainerEnv, "absent"));
            return null;
        }

        var text = input.Text(SysrootFiles.ContainerEnv);
        var rootless = text.Split('\n').Any(line => line.Trim() == "rootless=1");
        var engine = text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("engine=", StringComparison.Ordinal));
        var detail = engine is null ? string.Empty : $" ({engine})";
        evidence.Add(new Evidence(Name, "/" + SysrootFiles.ContainerEnv, $"present{detail}{(rootless ? ", rootless=1" : string.Empty)} → podman"));
        return new SignalVerdict(ContainerKind.Podman, IsProof: true, rootless);
    }
}
