using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>Says where the process runs: host or container, which engine, which network mode, and the evidence.</summary>
internal sealed class RuntimeEnvironmentCheck : IDoctorCheck
{
    private const int MaxEvidenceLines = 6;

    public IEnumerable<Finding> Run(DoctorContext context)
    {
        var environment = context.Environment;
        var mode = WireNames.Of(environment.NetworkMode);
        var title = environment.Container switch
        {
            ContainerKind.None => "Running on the host",
            ContainerKind.Unknown => $"Probably running in a container (engine unknown), network {mode}",
            _ => $"Running in a {WireNames.Of(environment.Container)} container{(environment.Rootless ? " (rootless)" : string.Empty)}, network {mode}",
        };
        var observed = new List<string>
        {
            $"container: {WireNames.Of(environment.Container)}{(environment.DecidedBy is { } by ? $" (decided by {by})" : string.Empty)}",
            $"network mode: {mode}, default gateway {environment.DefaultGateway ?? "none"}",
        };
        if (environment.Nameservers.Count > 0)
        {
            observed.Add($"nameservers: {string.Join(", ", environment.Nameservers)}");
        }

        if (environment.HostAliases.Count > 0)
        {
            observed.Add($"host aliases: {string.Join(", ", environment.HostAliases)}");
        }

        observed.AddRange(environment.Evidence.Take(MaxEvidenceLines).Select(evidence => evidence.ToString()));
        yield return new Finding(FindingCodes.RuntimeEnvironment, FindingSeverity.Info, title, observed, null);
    }
}
