using Heimnetz.Discovery;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Caching;

/// <summary>The cache's log messages, with stable event ids (5100–5199). Endpoints are logged as host:port only.</summary>
internal static partial class CacheLog
{
    [LoggerMessage(EventId = 5100, EventName = "CacheFailedOver", Level = LogLevel.Warning, Message = "Cache switched from Redis {Endpoint} to memory: {Reason}")]
    public static partial void FailedOver(ILogger logger, RedisEndpoint endpoint, string reason);

    [LoggerMessage(EventId = 5101, EventName = "CacheReturnedToRedis", Level = LogLevel.Information, Message = "Cache back on Redis {Endpoint} (run_id {RunId}): {Reason}")]
    public static partial void Returned(ILogger logger, RedisEndpoint endpoint, string runId, string reason);

    [LoggerMessage(EventId = 5102, EventName = "RedisCallFailed", Level = LogLevel.Debug, Message = "Redis {Endpoint}: {Failure}; served from memory ({Operation})")]
    public static partial void RedisCallFailed(ILogger logger, string operation, RedisEndpoint endpoint, string failure);

    [LoggerMessage(EventId = 5103, EventName = "RecoveryAttemptFailed", Level = LogLevel.Debug, Message = "Recovery attempt {Attempt} failed: {Failure}; next attempt in {DelayMs} ms")]
    public static partial void RecoveryAttemptFailed(ILogger logger, int attempt, string failure, double delayMs);

    [LoggerMessage(EventId = 5104, EventName = "WriteBackFailed", Level = LogLevel.Warning, Message = "Write-back of an outage entry to Redis {Endpoint} failed: {Failure}")]
    public static partial void WriteBackFailed(ILogger logger, RedisEndpoint endpoint, Type failure);

    [LoggerMessage(EventId = 5105, EventName = "WriteBackCompleted", Level = LogLevel.Information, Message = "Write-back to Redis {Endpoint}: {Written} written, {Deleted} deleted, {Kept} kept a newer entry, {Failed} failed")]
    public static partial void WriteBackCompleted(ILogger logger, RedisEndpoint endpoint, int written, int deleted, int kept, int failed);

    [LoggerMessage(EventId = 5108, EventName = "OutageRemovalsReplayed", Level = LogLevel.Information, Message = "Outage removals replayed to Redis {Endpoint}: {Deleted} deleted, {Kept} kept a newer entry, {Failed} failed")]
    public static partial void OutageRemovalsReplayed(ILogger logger, RedisEndpoint endpoint, int deleted, int kept, int failed);

    [LoggerMessage(EventId = 5109, EventName = "RetiredConnectionsClosed", Level = LogLevel.Debug, Message = "Redis {Endpoint} closed {Count} earlier connection(s) of this cache before the return wrote anything")]
    public static partial void RetiredConnectionsClosed(ILogger logger, RedisEndpoint endpoint, int count);

    [LoggerMessage(EventId = 5110, EventName = "ReturnFenceRefused", Level = LogLevel.Warning, Message = "Redis {Endpoint} refused CLIENT LIST/KILL ({Code}): a write that timed out just before the outage may still land after the return; grant the cache's user +client to close that gap")]
    public static partial void ReturnFenceRefused(ILogger logger, RedisEndpoint endpoint, string code);

    [LoggerMessage(EventId = 5106, EventName = "ModeChangedHandlerFailed", Level = LogLevel.Warning, Message = "A ModeChanged handler threw; the cache ignored it")]
    public static partial void ModeChangedHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5107, EventName = "SupervisorFailed", Level = LogLevel.Error, Message = "The cache's supervision loop stopped; the cache stays in its current mode")]
    public static partial void SupervisorFailed(ILogger logger, Exception exception);
}
