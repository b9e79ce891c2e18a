using Heimnetz.Caching;

namespace Heimnetz.Tests.Caching.History;

/// <summary>
/// Checks a recorded history against the documented semantics of the cache (docs/caching.md). Real-time order only:
/// write A precedes write B when A ended before B started; concurrent calls may land in either order.
/// </summary>
/// <remarks>
/// A write <em>must survive</em> when the policy promises it: under WriteBack every acknowledged write, under Discard every
/// write Redis itself served and every removal (a removal made during an outage is replayed on return). A write whose
/// return counted a failed write-back is excused: that loss is counted and logged. A write must be visible in Redis from
/// the end of the call when Redis served it, else from the moment its return logged that the outage was settled.
/// <list type="number">
/// <item>no call lets an exception escape;</item>
/// <item>no read returns a value that was never written, or one written by a call that started after the read ended;</item>
/// <item>a read Redis served, and the state Redis holds at the end, reflect a write that no later must-survive write
/// (visible by then) precedes: no acknowledged write is lost, no removal undone, no write-back overwrites a newer value;</item>
/// <item>under Discard, a value written only to memory never reaches Redis;</item>
/// <item>a read memory served returns a value written during the current outage, never one from an earlier outage or from
/// a call that wrote while Redis was in use.</item>
/// </list>
/// </remarks>
internal sealed class HistoryChecker
{
    private const long Never = long.MaxValue;
    private const long Beginning = long.MinValue;

    private readonly ReturnPolicy policy;
    private readonly IReadOnlyList<CacheOperation> operations;
    private readonly IReadOnlyList<ReturnRecord> returns;
    private readonly Dictionary<string, CacheOperation> setsByValue;
    private readonly Dictionary<string, KeyHistory> keys;
    private readonly List<string> violations = [];

    public HistoryChecker(ReturnPolicy policy, IReadOnlyList<CacheOperation> operations, IReadOnlyList<ReturnRecord> returns)
    {
        this.policy = policy;
        this.operations = operations;
        this.returns = returns;
        setsByValue = operations.Where(o => o.Kind == OperationKind.Set).ToDictionary(o => o.Value!);
        keys = operations.Where(o => o.IsWrite).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => new KeyHistory(this, [.. g]));
    }

    public IReadOnlyList<string> Violations => violations;

    public IReadOnlyList<string> Check(IReadOnlyDictionary<string, string?> finalState)
    {
        foreach (var operation in operations)
        {
            if (operation.Error is not null)
            {
                violations.Add($"an exception escaped: {operation.Error} in {operation}");
            }
            else if (operation.Kind == OperationKind.Get)
            {
                CheckRead(operation);
            }
        }

        foreach (var (key, value) in finalState)
        {
            CheckState(key, value, Never, Never, "Redis at the end");
        }

        return violations;
    }

    private void CheckRead(CacheOperation read)
    {
        CacheOperation? producer = null;
        if (read.Value is not null)
        {
            if (!setsByValue.TryGetValue(read.Value, out producer) || producer.Key != read.Key)
            {
                violations.Add($"a read returned a value never written to {read.Key}: {read}");
                return;
            }

            if (producer.Start > read.End)
            {
                violations.Add($"a read returned a value written only after it ended: {read}; written by {producer}");
                return;
            }
        }

        switch (read.Served)
        {
            case ServedBy.Redis:
                CheckState(read.Key, read.Value, read.Start, read.End, $"read {read}");
                break;
            case ServedBy.Memory when producer is not null:
                CheckMemoryRead(read, producer);
                break;
        }
    }

    private void CheckMemoryRead(CacheOperation read, CacheOperation producer)
    {
        // Transition counts: odd while on Redis, even during an outage. Outage n's store only takes writes made after the
        // return numbered n - 1; a write that also began before the outage n - 2 rode over a whole outage and return.
        var outage = read.TransitionsBefore;
        if (producer.Served == ServedBy.Redis || producer.TransitionsAfter < outage - 1 || producer.TransitionsBefore < outage - 2)
        {
            violations.Add($"memory served a value not written during the current outage (transition {outage}): {read}; written by {producer}");
        }
    }

    /// <summary>Whether Redis holding <paramref name="value"/> for <paramref name="key"/> during [start, end] is allowed.</summary>
    private void CheckState(string key, string? value, long start, long end, string what)
    {
        keys.TryGetValue(key, out var history);
        if (value is not null)
        {
            var producer = setsByValue[value];
            if (policy == ReturnPolicy.Discard && producer.Served == ServedBy.Memory)
            {
                violations.Add($"{what}: Discard, yet Redis holds a value written only to memory: {producer}");
            }

            if (history?.FirstHiding(producer.End, start) is { } hidden)
            {
                violations.Add($"{what}: holds {value} from {producer}, but the later acknowledged write {hidden} is lost");
            }

            return;
        }

        // A miss is explained by the latest removal that had started by then, or by the key never having been written.
        var removal = history?.Writes.Where(w => w.Kind == OperationKind.Remove && w.Start < end).MaxBy(w => w.End);
        if (history?.FirstHiding(removal?.End ?? Beginning, start) is { } lost)
        {
            violations.Add($"{what}: misses the key{(removal is null ? string.Empty : $" (latest removal {removal})")}, but the acknowledged write {lost} is lost");
        }
    }

    private bool MustSurvive(CacheOperation write)
    {
        if (write.Error is not null || Excused(write))
        {
            return false;
        }

        return policy == ReturnPolicy.WriteBack || write.Kind == OperationKind.Remove || write.Served == ServedBy.Redis;
    }

    /// <summary>When Redis must reflect a write: at its end when Redis served it, else once the return after it settled.</summary>
    private long VisibleFrom(CacheOperation write) =>
        write.Served == ServedBy.Redis ? write.End : returns.FirstOrDefault(r => r.Switched > write.End)?.Settled ?? Never;

    /// <summary>A write the return that replayed it counted among its failed write-backs (which are logged).</summary>
    private bool Excused(CacheOperation write)
    {
        if (write.Served == ServedBy.Redis)
        {
            return false;
        }

        var last = returns.FirstOrDefault(r => r.Switched > write.End)?.Switched ?? Never;
        return returns.Any(r => r.Switched > write.Start && r.Switched <= last && r.FailedWriteBacks > 0);
    }

    private sealed class KeyHistory
    {
        private readonly CacheOperation[] mustSurvive;
        private readonly long[] starts;
        private readonly long[] visible;
        private readonly long[] visibleSuffixMinimum;

        public KeyHistory(HistoryChecker checker, List<CacheOperation> writes)
        {
            Writes = writes;
            mustSurvive = [.. writes.Where(checker.MustSurvive).OrderBy(w => w.Start)];
            starts = [.. mustSurvive.Select(w => w.Start)];
            visible = [.. mustSurvive.Select(checker.VisibleFrom)];
            visibleSuffixMinimum = new long[mustSurvive.Length + 1];
            visibleSuffixMinimum[^1] = Never;
            for (var i = mustSurvive.Length - 1; i >= 0; i--)
            {
                visibleSuffixMinimum[i] = Math.Min(visibleSuffixMinimum[i + 1], visible[i]);
            }
        }

        public List<CacheOperation> Writes { get; }

        /// <summary>
        /// A must-survive write that started after <paramref name="after"/> and was due in Redis before <paramref name="observed"/>
        /// (any such write when <paramref name="observed"/> is the end of the run).
        /// </summary>
        public CacheOperation? FirstHiding(long after, long observed)
        {
            var index = Array.BinarySearch(starts, after == Never ? Never : after + 1);
            index = index < 0 ? ~index : index;
            while (index > 0 && starts[index - 1] > after)
            {
                index--;
            }

            if (index >= mustSurvive.Length)
            {
                return null;
            }

            if (observed == Never)
            {
                return mustSurvive[index];
            }

            if (visibleSuffixMinimum[index] >= observed)
            {
                return null;
            }

            for (var i = index; i < mustSurvive.Length; i++)
            {
                if (visible[i] < observed)
                {
                    return mustSurvive[i];
                }
            }

            return null;
        }
    }
}
