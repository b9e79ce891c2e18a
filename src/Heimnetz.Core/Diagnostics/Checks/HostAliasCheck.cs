using Heimnetz.EnvironmentDetection;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>A Docker or Podman container on a bridge without <c>host.docker.internal</c>: a Redis on the host is hard to reach.</summary>
internal sealed class HostAliasCheck : IDoctorCheck
{
    private static readonly string[] AliasNames = ["host.docker.internal", "host.containers.internal"];

    public IEnumerable<Finding> Run(DoctorContext context)
    {
        var environment = context.Environment;
        if (environment.Container is not (ContainerKind.Docker or ContainerKind.Podman) || environment.NetworkMode != NetworkMode.Bridge)
        {
            yield break;
        }

        var hasAlias = environment.HostAliases.Any(alias => AliasNames.Any(name => alias.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)));
        if (hasAlias)
        {
            yield break;
        }

        var alias = environment.Container == ContainerKind.Podman ? "host.containers.internal" : "host.docker.internal";
        // Only a problem when the app has no Redis: with one chosen, the host is simply not needed.
        var severity = context.Chosen is null ? FindingSeverity.Warning : FindingSeverity.Info;
        yield return new Finding(
            FindingCodes.HostAliasMissing,
            severity,
            $"No {alias} in this container: a Redis on the host is hard to reach",
            [$"etc/hosts has no {string.Join(" or ", AliasNames)}", $"network mode bridge, default gateway {environment.DefaultGateway ?? "none"}"],
            new AddExtraHost(alias, AddExtraHost.HostGateway));
    }
}
