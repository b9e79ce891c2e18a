using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Cli.Commands;

/// <summary>
/// One log line per entry on a writer (a command's stderr), written at once: <c>watch --verbose</c> shows why a
/// recovery attempt failed beside the transitions on stdout, in the order it happened, also when the process is killed.
/// </summary>
internal sealed class TextWriterLogger<T>(TextWriter writer, TimeProvider time, LogLevel minimum) : ILogger<T>
{
    private readonly Lock gate = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var timestamp = time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        // The exception's type and message only: a stack trace says nothing to someone reading why Redis was not back.
        var failure = exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message})";
        var line = $"{timestamp} {Level(logLevel)} {eventId.Name ?? eventId.Id.ToString(CultureInfo.InvariantCulture)}: {formatter(state, exception)}{failure}";
        lock (gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
