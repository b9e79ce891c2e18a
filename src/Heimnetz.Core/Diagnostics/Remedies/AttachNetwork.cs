namespace Heimnetz.Diagnostics.Remedies;

/// <summary>Put the app on the user-defined network where the Redis service <paramref name="Service"/> lives.</summary>
/// <param name="Service">The Redis service's name, e.g. <c>redis</c>.</param>
/// <param name="Network">The network's name when known; null when only the host's engine or compose file can tell.</param>
public sealed record AttachNetwork(string Service, string? Network) : RemedyAction
{
    /// <inheritdoc/>
    public override string Kind => RemedyKinds.AttachNetwork;

    /// <inheritdoc/>
    public override string Describe()
    {
        var network = Network is null ? "a user-defined network" : $"the user-defined network '{Network}'";
        return $"Put the app and the Redis service '{Service}' on {network} (compose does this for the services of one file, and on the host heimnetz fix --report <this doctor --json> --service <app> writes the attachment to docker-compose.override.yml; with docker run: docker network create dev, then --network dev on both), or set REDIS_URL=redis://<name>:6379 to the name Redis has.";
    }
}
