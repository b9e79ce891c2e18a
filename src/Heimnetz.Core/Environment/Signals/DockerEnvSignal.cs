namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary><c>/.dockerenv</c>: Docker creates it, but an image built from a container's filesystem can carry it, so it is a hint.</summary>
internal sealed class DockerEnvSignal : IContainerSignal
{
    public string Name => "dockerenv-file";

    public SignalVerdict? Evaluate(DetectionInput input, ICollection<Evidence> evidence)
    {
        if (!input.Exists(SysrootFiles.DockerEnv))
        {
            evidence.Add(new Evidence(Name, "/" + SysrootFiles.DockerEnv, "absent"));
            return null;
        }

        evidence.Add(new Evidence(Name, "/" + SysrootFiles.DockerEnv, "present → docker (a hint: images can carry it)"));
        return new SignalVerdict(ContainerKind.Docker, IsProof: false);
    }
}
