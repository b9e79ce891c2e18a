namespace Heimnetz.Diagnostics.Remedies;

/// <summary>
/// Every remedy kind, in one place: kinds are a contract (<c>doctor --json</c> writes them as <c>action.kind</c>), so a
/// kind never changes meaning; a new kind of remedy gets a new name.
/// </summary>
public static class RemedyKinds
{
    /// <summary><see cref="AddExtraHost"/>: give the app's container a hosts entry, e.g. <c>host.docker.internal:host-gateway</c>.</summary>
    public const string AddExtraHost = "add-extra-host";

    /// <summary><see cref="AttachNetwork"/>: put the app on the network where the Redis service lives.</summary>
    public const string AttachNetwork = "attach-network";

    /// <summary><see cref="SetRedisUrl"/>: point <c>REDIS_URL</c> at an endpoint.</summary>
    public const string SetRedisUrl = "set-redis-url";

    /// <summary><see cref="StartDevelopmentRedis"/>: start a development Redis on a port of this host.</summary>
    public const string StartDevelopmentRedis = "start-development-redis";

    /// <summary><see cref="MovePublishedPort"/>: publish a container's port on another host port.</summary>
    public const string MovePublishedPort = "move-published-port";

    /// <summary><see cref="NoAutomaticRemedy"/>: nothing here can fix it; says why and who can.</summary>
    public const string None = "none";

    /// <summary>Every kind above.</summary>
    public static IReadOnlyList<string> All { get; } = [AddExtraHost, AttachNetwork, SetRedisUrl, StartDevelopmentRedis, MovePublishedPort, None];
}
