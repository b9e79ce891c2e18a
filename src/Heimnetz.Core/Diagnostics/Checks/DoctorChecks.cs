namespace Heimnetz.Diagnostics.Checks;

/// <summary>Every check, in the order the report lists their findings: the machine first, then Redis, then the verdict's reason.</summary>
internal static class DoctorChecks
{
    public static IReadOnlyList<IDoctorCheck> All { get; } =
    [
        new EngineCheck(),
        new ComposeCheck(),
        new RuntimeEnvironmentCheck(),
        new ReplayCheck(),
        new CandidatesCheck(),
        new ServiceNameCheck(),
        new PortOwnerCheck(),
        new HostAliasCheck(),
        new DefaultBridgeCheck(),
        new AuthCheck(),
        new UnresponsivePeerCheck(),
        new TlsCheck(),
        new StarvationCheck(),
        new CacheModeCheck(),
    ];
}
