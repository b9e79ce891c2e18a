using Microsoft.Extensions.Logging;

namespace Heimnetz.Hosting;

/// <summary>What the app logs at start about where its Redis settings came from and whether they hold; never a secret.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 2004, EventName = "SettingsSource", Level = LogLevel.Information, Message = "Redis discovery settings come from {Source}")]
    public static partial void SettingsSource(ILogger logger, string source);

    [LoggerMessage(EventId = 2005, EventName = "SettingsFromProcessEnvironment", Level = LogLevel.Warning, Message = "Redis discovery settings come from {Source}: no IConfiguration was passed to AddHeimnetzCache or registered; Heimnetz:Redis:* from appsettings files is not seen")]
    public static partial void SettingsFromProcessEnvironment(ILogger logger, string source);

    [LoggerMessage(EventId = 2006, EventName = "SettingsInvalid", Level = LogLevel.Error, Message = "Redis settings from {Source} are invalid: {Problems}")]
    public static partial void Invalid(ILogger logger, string source, string problems);
}
