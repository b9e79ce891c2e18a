namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary>Notes a WSL2 kernel: WSL2 is a lightweight VM, so it is a host; containers on it are still found by the other signals.</summary>
internal sealed class KernelSignal : IContainerSignal
{
    public string Name => "kernel";

    public SignalVerdict? Evaluate(DetectionInput input, ICollection<Evidence> evidence)
    {
        var version = input.Text(SysrootFiles.Version);
        if (version.Contains("microsoft-standard-WSL2", StringComparison.OrdinalIgnoreCase)
            || version.Contains("-microsoft-standard", StringComparison.OrdinalIgnoreCase))
        {
            evidence.Add(new Evidence(Name, SysrootFiles.Version, "WSL2 kernel: a host (a VM), not by itself a container"));
        }

        return null;
    }
}
