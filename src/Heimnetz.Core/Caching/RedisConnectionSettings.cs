using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>The StackExchange.Redis settings of a cache link, derived from <see cref="HeimnetzCacheOptions"/> in one place.</summary>
internal static class RedisConnectionSettings
{
    public static ConfigurationOptions For(RedisLocation location, HeimnetzCacheOptions options, string clientName = "heimnetz")
    {
        var heartbeat = HeartbeatInterval(options.OperationTimeout);
        var configuration = new ConfigurationOptions
        {
            EndPoints = { { location.Endpoint.Host, location.Endpoint.Port } },
            User = location.Credentials?.User,
            Password = location.Credentials?.Password,
            Ssl = location.UseTls,
            DefaultDatabase = options.Database,
            // One name per link, so a return can have the server close this cache's earlier links (RetiredLinkFence).
            ClientName = clientName,
            // SE.Redis counts INFO (for run_id) and CLIENT LIST/KILL (the return's fence) as admin commands; the cache sends no other.
            AllowAdmin = true,
            AbortOnConnectFail = false,
            ConnectRetry = 1,
            ConnectTimeout = Milliseconds(options.ConnectTimeout),
            SyncTimeout = Milliseconds(options.OperationTimeout),
            AsyncTimeout = Milliseconds(AsyncTimeout(options.OperationTimeout)),
            HeartbeatInterval = heartbeat,
            KeepAlive = 1,
            // Calls during an outage fail at once instead of queueing for a connection that may never come back.
            BacklogPolicy = BacklogPolicy.FailFast,
            // Pub/sub is not used; without it there is one connection per server, so one failure event per outage.
            CommandMap = CommandMap.Create(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE" }, available: false),
        };

        if (location.UseTls && location.TlsTrust is { } trust)
        {
            // The same check as discovery's probe: the configured CA only, never the machine's trust store.
            configuration.CertificateValidation += trust.Validate;
        }

        return configuration;
    }

    /// <summary>
    /// SE.Redis fails overdue async calls on its heartbeat, with no timer per call on the hot path (a timer per call cost more
    /// than the call); beating at a fifth of the operation timeout keeps that check fine-grained.
    /// </summary>
    public static TimeSpan HeartbeatInterval(TimeSpan operationTimeout) =>
        TimeSpan.FromMilliseconds(Math.Clamp(operationTimeout.TotalMilliseconds / 5, 5, 1000));

    /// <summary>
    /// The async timeout SE.Redis is given: one heartbeat short of the operation timeout, so the heartbeat that ends an
    /// unanswered call comes at the latest at <see cref="HeimnetzCacheOptions.OperationTimeout"/>, not a heartbeat after it.
    /// </summary>
    public static TimeSpan AsyncTimeout(TimeSpan operationTimeout)
    {
        var early = operationTimeout - HeartbeatInterval(operationTimeout);
        var half = operationTimeout / 2;
        return early > half ? early : half;
    }

    private static int Milliseconds(TimeSpan span) => (int)Math.Ceiling(span.TotalMilliseconds);
}
