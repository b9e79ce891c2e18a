namespace Heimnetz.Discovery;

/// <summary>
/// The configuration keys discovery reads. Environment variables arrive through the same <c>IConfiguration</c>
/// under their own names; <c>Heimnetz__Redis__Url</c> in the environment reaches <see cref="Url"/>.
/// </summary>
public static class DiscoveryConfigurationKeys
{
    /// <summary>A <c>redis://</c> or <c>rediss://</c> URL, highest priority.</summary>
    public const string RedisUrlVariable = "REDIS_URL";

    /// <summary>A StackExchange.Redis connection string (<c>host:port,password=...,user=...,ssl=true</c>).</summary>
    public const string ConnectionVariable = "HEIMNETZ_REDIS_CONNECTION";

    /// <summary>Comma-separated <c>host:port</c> list that replaces the built-in catalog.</summary>
    public const string CandidatesVariable = "HEIMNETZ_REDIS_CANDIDATES";

    /// <summary>Password for candidates that have no credentials of their own.</summary>
    public const string PasswordVariable = "REDIS_PASSWORD";

    /// <summary>ACL user that goes with <see cref="PasswordVariable"/>.</summary>
    public const string UserVariable = "REDIS_USERNAME";

    /// <summary>
    /// Path of a PEM file with the CA certificate(s) that signed a <c>rediss://</c> server's certificate, for a private CA;
    /// trusted instead of the machine's trust store, by discovery and by the cache.
    /// </summary>
    public const string TlsCaVariable = "HEIMNETZ_REDIS_TLS_CA";

    /// <summary>
    /// <c>true</c> to probe the environment's built-in catalog after the configured endpoints when they do not answer.
    /// Off by default: a configured Redis that is down is reported, never silently replaced by another one.
    /// </summary>
    public const string CatalogFallbackVariable = "HEIMNETZ_REDIS_CATALOG_FALLBACK";

    /// <summary>
    /// <c>true</c> to let <see cref="PasswordVariable"/> reach the bridge gateway and host aliases too. Off by default:
    /// those addresses reach whatever anyone published on the host.
    /// </summary>
    public const string PasswordToHostVariable = "HEIMNETZ_REDIS_PASSWORD_TO_HOST";

    /// <summary>Configuration twin of <see cref="RedisUrlVariable"/>.</summary>
    public const string Url = "Heimnetz:Redis:Url";

    /// <summary>Configuration twin of <see cref="ConnectionVariable"/>.</summary>
    public const string ConnectionString = "Heimnetz:Redis:ConnectionString";

    /// <summary>
    /// The app's Redis connection string as ASP.NET Core and Aspire name it (<c>"ConnectionStrings": {"Redis": "…"}</c>),
    /// in StackExchange.Redis format; probed after <see cref="ConnectionString"/>.
    /// </summary>
    public const string NamedConnectionString = "ConnectionStrings:Redis";

    /// <summary>Configuration twin of <see cref="CandidatesVariable"/>: a comma-separated string or an array.</summary>
    public const string Candidates = "Heimnetz:Redis:Candidates";

    /// <summary>Configuration twin of <see cref="PasswordVariable"/>.</summary>
    public const string Password = "Heimnetz:Redis:Password";

    /// <summary>Configuration twin of <see cref="UserVariable"/>.</summary>
    public const string User = "Heimnetz:Redis:User";

    /// <summary>Configuration twin of <see cref="CatalogFallbackVariable"/>.</summary>
    public const string CatalogFallback = "Heimnetz:Redis:CatalogFallback";

    /// <summary>Configuration twin of <see cref="PasswordToHostVariable"/>.</summary>
    public const string PasswordToHost = "Heimnetz:Redis:PasswordToHost";

    /// <summary>Configuration twin of <see cref="TlsCaVariable"/>.</summary>
    public const string TlsCaFile = "Heimnetz:Redis:TlsCaFile";

    /// <summary>Per-candidate DNS and connect timeout: milliseconds (<c>250</c>) or a TimeSpan (<c>00:00:00.250</c>).</summary>
    public const string ConnectTimeout = "Heimnetz:Redis:ConnectTimeout";

    /// <summary>Per-candidate handshake timeout, same format as <see cref="ConnectTimeout"/>.</summary>
    public const string HandshakeTimeout = "Heimnetz:Redis:HandshakeTimeout";

    /// <summary>Overall discovery budget, same format as <see cref="ConnectTimeout"/>.</summary>
    public const string Budget = "Heimnetz:Redis:Budget";
}
