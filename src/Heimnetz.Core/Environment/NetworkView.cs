namespace Heimnetz.EnvironmentDetection;

/// <summary>What the network namespace looks like from inside: mode, default gateway, addresses, aliases, nameservers.</summary>
internal sealed record NetworkView(
    NetworkMode Mode,
    string? DefaultGateway,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> HostAliases,
    IReadOnlyList<string> Nameservers);
