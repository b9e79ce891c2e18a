using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>Inside a container: do the compose service names (<c>redis</c>, <c>redis-dev</c>) resolve.</summary>
internal sealed class ServiceNameCheck : IDoctorCheck
{
    public IEnumerable<Finding> Run(DoctorContext context)
    {
        if (!context.InContainerNetwork || context.ServiceNames.Count == 0)
        {
            yield break;
        }

        var observed = context.ServiceNames
            .Select(name => name.Resolved ? $"{name.Name} -> {string.Join(", ", name.Addresses)}" : $"{name.Name}: {name.Problem ?? "did not resolve"}")
            .ToList();
        if (context.ServiceNames.Any(name => name.Resolved))
        {
            yield return new Finding(FindingCodes.ServiceNamesResolve, FindingSeverity.Ok, "Compose service names resolve", observed, null);
            yield break;
        }

        // Unresolved names only matter when nothing else gave us a Redis.
        var severity = context.Chosen is null ? FindingSeverity.Warning : FindingSeverity.Info;
        yield return new Finding(
            FindingCodes.ServiceNameUnresolved,
            severity,
            "No compose service name resolves in this container",
            observed,
            new AttachNetwork(ServiceNameResolver.ComposeServiceNames[0], null));
    }
}
