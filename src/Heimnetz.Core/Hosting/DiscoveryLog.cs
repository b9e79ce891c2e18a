using Microsoft.Extensions.Logging;

namespace Heimnetz.Hosting;

/// <summary>What the app logs at start about where it will look for Redis; stable event ids, never a secret.</summary>
internal static partial class DiscoveryLog
{
    [LoggerMessage(EventId = 2001, EventName = "DiscoveryMode", Level = LogLevel.Information, Message = "Redis discovery mode {Mode}: {Reason}")]
    public static partial void Mode(ILogger logger, string mode, string reason);
}
