namespace Heimnetz.Diagnostics.Remedies;

/// <summary>Start a development Redis on this host, published on <paramref name="Port"/> or the next free port, and point <c>REDIS_URL</c> at it.</summary>
/// <param name="Port">The host port to try first; the next free one is used when something else holds it.</param>
public sealed record StartDevelopmentRedis(int Port) : RemedyAction
{
    /// <summary>The port a development Redis is published on when nothing holds it.</summary>
    public const int DefaultPort = 6379;

    /// <inheritdoc/>
    public override string Kind => RemedyKinds.StartDevelopmentRedis;

    /// <inheritdoc/>
    public override string Describe() =>
        $"Start a development Redis on port {Port} (or the next free port) and point REDIS_URL at it: heimnetz fix does both on the host, with a generated password written to .env; or run samples/docker-compose.dev-networking.yml.";
}
