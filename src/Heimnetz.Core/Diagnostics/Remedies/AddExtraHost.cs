namespace Heimnetz.Diagnostics.Remedies;

/// <summary>Give the app's container the hosts entry <paramref name="Host"/> pointing at <paramref name="Target"/>.</summary>
/// <param name="Host">The name to add, e.g. <c>host.docker.internal</c>.</param>
/// <param name="Target">What it points at: <c>host-gateway</c> (the engine fills in the host's bridge address) or an address.</param>
public sealed record AddExtraHost(string Host, string Target) : RemedyAction
{
    /// <summary>The engine's placeholder for the host's address on the container's bridge.</summary>
    public const string HostGateway = "host-gateway";

    /// <inheritdoc/>
    public override string Kind => RemedyKinds.AddExtraHost;

    /// <inheritdoc/>
    public override string Describe() =>
        $"Add extra_hosts: [\"{Host}:{Target}\"] to the app service (docker run: --add-host {Host}:{Target}; on the host, heimnetz fix --report <this doctor --json> --service <app> writes it to docker-compose.override.yml) and make the host's Redis listen on the bridge address, with a password.";
}
