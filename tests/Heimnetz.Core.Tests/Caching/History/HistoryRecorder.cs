using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Heimnetz.Caching;
using Microsoft.Extensions.Caching.Distributed;

namespace Heimnetz.Tests.Caching.History;

/// <summary>
/// Runs calls against one cache and records each with its start, end and result, plus where it was served. Mode changes are
/// counted in the <see cref="ResilientCache.ModeChanged"/> handler, which the cache raises under its transition lock after
/// the switch: a call that saw the same mode and the same count before and after ran entirely on one side of every switch.
/// </summary>
internal sealed class HistoryRecorder
{
    private static readonly DistributedCacheEntryOptions NoExpiry = new();

    private readonly ResilientCache cache;
    private readonly ConcurrentQueue<CacheOperation> operations = new();
    private readonly ConcurrentQueue<(int Number, CacheMode To, long Timestamp)> transitions = new();
    private int transitionCount;

    public HistoryRecorder(ResilientCache cache)
    {
        this.cache = cache;
        cache.ModeChanged += (_, change) =>
        {
            var number = Interlocked.Increment(ref transitionCount);
            transitions.Enqueue((number, change.NewMode, Stopwatch.GetTimestamp()));
        };
    }

    public IReadOnlyList<CacheOperation> Operations => [.. operations];

    /// <summary>The switches to Redis in order, with the monotonic time each was announced.</summary>
    public IReadOnlyList<long> ReturnTimestamps => [.. transitions.Where(t => t.To == CacheMode.Redis).OrderBy(t => t.Number).Select(t => t.Timestamp)];

    public int TransitionCount => Volatile.Read(ref transitionCount);

    public async Task RunAsync(int worker, OperationKind kind, string key, string? value, bool synchronous)
    {
        var before = Volatile.Read(ref transitionCount);
        var modeBefore = cache.Mode;
        var start = Stopwatch.GetTimestamp();
        string? result = value;
        string? error = null;
        try
        {
            switch (kind)
            {
                case OperationKind.Set when synchronous:
                    cache.Set(key, Encoding.UTF8.GetBytes(value!), NoExpiry);
                    break;
                case OperationKind.Set:
                    await cache.SetAsync(key, Encoding.UTF8.GetBytes(value!), NoExpiry);
                    break;
                case OperationKind.Remove when synchronous:
                    cache.Remove(key);
                    break;
                case OperationKind.Remove:
                    await cache.RemoveAsync(key);
                    break;
                case OperationKind.Get:
                    var bytes = synchronous ? cache.Get(key) : await cache.GetAsync(key);
                    result = bytes is null ? null : Encoding.UTF8.GetString(bytes);
                    break;
            }
        }
#pragma warning disable CA1031 // An exception escaping a call is itself a finding the checker reports.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = $"{exception.GetType().Name}: {exception.Message}";
        }

        var end = Stopwatch.GetTimestamp();
        var modeAfter = cache.Mode;
        var after = Volatile.Read(ref transitionCount);
        var served = before == after && modeBefore == modeAfter
            ? modeBefore == CacheMode.Redis ? ServedBy.Redis : ServedBy.Memory
            : ServedBy.Unknown;
        operations.Enqueue(new CacheOperation(worker, kind, key, result, start, end, before, after, served, error));
    }
}
