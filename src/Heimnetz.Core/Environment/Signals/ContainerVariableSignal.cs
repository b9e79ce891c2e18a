namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary>
/// The <c>container=</c> variable that Podman, LXC and systemd-nspawn set at run time.
/// <c>docker</c> and <c>oci</c> are only hints: CentOS and Fedora images bake them in with ENV.
/// </summary>
internal sealed class ContainerVariableSignal : IContainerSignal
{
    private const string Variable = "container";

    public string Name => "container-variable";

    public SignalVerdict? Evaluate(DetectionInput input, ICollection<Evidence> evidence)
    {
        if (!input.Environ.TryGetValue(Variable, out var value) || value.Length == 0)
        {
            evidence.Add(new Evidence(Name, "environ", $"{Variable} not set"));
            return null;
        }

        var verdict = value.ToUpperInvariant() switch
        {
            "PODMAN" => new SignalVerdict(ContainerKind.Podman, IsProof: true),
            "LXC" or "LXC-LIBVIRT" => new SignalVerdict(ContainerKind.Lxc, IsProof: true),
            "SYSTEMD-NSPAWN" => new SignalVerdict(ContainerKind.Unknown, IsProof: true),
            "DOCKER" => new SignalVerdict(ContainerKind.Docker, IsProof: false),
            _ => new SignalVerdict(ContainerKind.Unknown, IsProof: false),
        };
        var strength = verdict.IsProof ? string.Empty : " (a hint: images can set it)";
        evidence.Add(new Evidence(Name, "environ", $"{Variable}={value} → {WireNames.Of(verdict.Kind)}{strength}"));
        return verdict;
    }
}
