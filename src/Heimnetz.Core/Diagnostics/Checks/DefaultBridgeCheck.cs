using Heimnetz.EnvironmentDetection;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>
/// A Docker container on a bridge whose resolver is not Docker's embedded DNS (127.0.0.11) is on the default bridge,
/// where containers cannot find each other by name.
/// </summary>
internal sealed class DefaultBridgeCheck : IDoctorCheck
{
    /// <summary>Docker's embedded DNS server, which user-defined networks (and compose projects) get.</summary>
    public const string EmbeddedDns = "127.0.0.11";

    public IEnumerable<Finding> Run(DoctorContext context)
    {
        var environment = context.Environment;
        if (environment.Container != ContainerKind.Docker
            || environment.NetworkMode != NetworkMode.Bridge
            || environment.Nameservers.Count == 0
            || environment.Nameservers.Contains(EmbeddedDns, StringComparer.Ordinal))
        {
            yield break;
        }

        var severity = context.Chosen is null ? FindingSeverity.Warning : FindingSeverity.Info;
        yield return new Finding(
            FindingCodes.DefaultBridgeNoDns,
            severity,
            "On Docker's default bridge: no container DNS, so service names cannot resolve",
            [$"etc/resolv.conf nameservers: {string.Join(", ", environment.Nameservers)} (a user-defined network shows {EmbeddedDns})", "network mode bridge"],
            new AttachNetwork(ServiceNameResolver.ComposeServiceNames[0], null));
    }
}
