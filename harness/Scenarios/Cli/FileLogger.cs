using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Harness.Scenarios.Cli;

/// <summary>
/// Appends log lines to one file, in the shape Testcontainers' console logger prints them, so a run's engine chatter is
/// kept for when something goes wrong without flooding the terminal. Safe for the parallel cells.
/// </summary>
internal sealed class FileLogger : ILogger, IDisposable
{
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly StreamWriter writer;
    private bool disposed;

    public FileLogger(string path)
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        writer = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public string Path { get; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = exception is null ? formatter(state, null) : $"{formatter(state, exception)}{Environment.NewLine}{exception}";
        lock (gate)
        {
            // A container disposed late logs after the run; that line is not worth an exception.
            if (disposed)
            {
                return;
            }

            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[testcontainers.org {clock.Elapsed:hh\\:mm\\:ss\\.ff}] {message}"));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            writer.Dispose();
        }
    }
}
