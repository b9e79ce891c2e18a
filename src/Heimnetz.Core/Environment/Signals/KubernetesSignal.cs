namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary>
/// <c>KUBERNETES_SERVICE_HOST</c> in the environment, or files the kubelet bind-mounts from <c>/var/lib/kubelet/pods/…</c>.
/// It runs before the engine signals because a pod is a pod whatever runtime the node uses (CRI-O even writes <c>run/.containerenv</c>).
/// </summary>
internal sealed class KubernetesSignal : IContainerSignal
{
    private const string ServiceHost = "KUBERNETES_SERVICE_HOST";

    public string Name => "kubernetes";

    public SignalVerdict? Evaluate(DetectionInput input, ICollection<Evidence> evidence)
    {
        var proven = false;
        if (input.Environ.TryGetValue(ServiceHost, out var host))
        {
            evidence.Add(new Evidence(Name, "environ", $"{ServiceHost}={host} → kubernetes"));
            proven = true;
        }

        // Only a kubelet path mounted somewhere else counts: a node's own mountinfo has pod volumes mounted under /var/lib/kubelet.
        var kubeletMount = input.Mounts.FirstOrDefault(m =>
            m.Root.Contains("/kubelet/pods/", StringComparison.Ordinal) && !m.MountPoint.Contains("/kubelet/", StringComparison.Ordinal));
        if (kubeletMount is not null)
        {
            evidence.Add(new Evidence(Name, "mountinfo", $"{kubeletMount.MountPoint} from {Abbreviation.Of(kubeletMount.Root)} → kubernetes"));
            proven = true;
        }

        if (!proven)
        {
            evidence.Add(new Evidence(Name, "environ+mountinfo", $"no {ServiceHost} and no kubelet pod mounts"));
        }

        return proven ? new SignalVerdict(ContainerKind.Kubernetes, IsProof: true) : null;
    }
}
