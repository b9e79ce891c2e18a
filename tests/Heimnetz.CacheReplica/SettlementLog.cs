using System.Globalization;
using Heimnetz.Caching;
using Microsoft.Extensions.Logging;

namespace Heimnetz.CacheReplica;

/// <summary>
/// The cache's log: every line to stderr (the driving test shows it when a run fails), and the counts of each return's
/// settlement (<c>WriteBackCompleted</c> or <c>OutageRemovalsReplayed</c>), so <c>return-now</c> can answer once the
/// outage's changes are in Redis.
/// </summary>
internal sealed class SettlementLog(TextWriter errors) : ILogger<ResilientCache>
{
    private readonly Lock gate = new();
    private readonly List<Settlement> settlements = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return settlements.Count;
            }
        }
    }

    public Settlement? this[int index]
    {
        get
        {
            lock (gate)
            {
                return index < settlements.Count ? settlements[index] : null;
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    // Debug lines (every failed recovery attempt while the test holds a replica away) would bury the ones that explain a run.
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (errors)
        {
            errors.WriteLine($"{logLevel} {eventId.Name}: {formatter(state, exception)}");
            errors.Flush();
        }

        if (eventId.Name is not ("WriteBackCompleted" or "OutageRemovalsReplayed"))
        {
            return;
        }

        var fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        int Number(string name) => fields.FirstOrDefault(f => f.Key == name).Value is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
        lock (gate)
        {
            settlements.Add(new Settlement(Number("Written"), Number("Deleted"), Number("Kept"), Number("Failed")));
        }
    }

    /// <summary>What one return replayed: entries written, tombstones written, changes kept out by a newer entry, failures.</summary>
    internal sealed record Settlement(int Written, int Deleted, int Kept, int Failed)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"written={Written} deleted={Deleted} kept={Kept} failed={Failed}");
    }
}
