using System.Collections.Concurrent;
using System.Diagnostics;
using Heimnetz.Caching;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Tests.Caching.History;

/// <summary>Keeps every log entry of the cache with the monotonic time it was written, so the checker can line logs up with calls.</summary>
internal sealed class RecordingLogger : ILogger<ResilientCache>
{
    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyList<Entry> Entries => [.. entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        entries.Enqueue(new Entry(Stopwatch.GetTimestamp(), eventId.Name ?? string.Empty, formatter(state, exception), fields.ToDictionary(f => f.Key, f => f.Value)));
    }

    internal sealed record Entry(long Timestamp, string EventName, string Message, IReadOnlyDictionary<string, object?> Fields)
    {
        public int Number(string field) => Fields.TryGetValue(field, out var value) && value is not null ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
