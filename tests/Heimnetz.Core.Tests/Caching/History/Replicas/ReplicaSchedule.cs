using Heimnetz.Caching;

namespace Heimnetz.Tests.Caching.History.Replicas;

/// <summary>
/// The calls two replicas make on a shared key set, one at a time, in the order listed, so the order of the list is the
/// order in which the writes were made. During the outage replica 0 writes mostly early and replica 1 mostly late: replica 0
/// holds the older writes. Then the replica chosen to return first writes to Redis while the other is still away.
/// </summary>
internal sealed class ReplicaSchedule
{
    public const int Keys = 8;
    public const int Older = 0;
    public const int Newer = 1;
    private const int OutageSteps = 24;

    private ReplicaSchedule(IReadOnlyList<ReplicaStep> steps, int firstToReturn)
    {
        Steps = steps;
        FirstToReturn = firstToReturn;
    }

    public IReadOnlyList<ReplicaStep> Steps { get; }

    public int FirstToReturn { get; }

    public int LastToReturn => 1 - FirstToReturn;

    public static string Key(int index) => $"k{index}";

    public static ReplicaSchedule Create(int seed, bool olderReturnsLast)
    {
        var random = new Random(seed);
        var steps = new List<ReplicaStep>();
        var sequence = new int[2];
        ReplicaStep Step(ReplicaPhase phase, int replica, bool removeAllowed)
        {
            var key = Key(random.Next(Keys));
            return removeAllowed && random.Next(10) < 3
                ? new ReplicaStep(phase, replica, OperationKind.Remove, key, null)
                : new ReplicaStep(phase, replica, OperationKind.Set, key, $"r{replica}.{++sequence[replica]}");
        }

        // Every key has a value in Redis before the outage, written by either replica.
        for (var i = 0; i < Keys; i++)
        {
            var replica = random.Next(2);
            steps.Add(new ReplicaStep(ReplicaPhase.BeforeOutage, replica, OperationKind.Set, Key(i), $"r{replica}.{++sequence[replica]}"));
        }

        for (var i = 0; i < OutageSteps; i++)
        {
            var early = i < OutageSteps / 2;
            var replica = random.Next(4) == 0 ? (early ? Newer : Older) : (early ? Older : Newer);
            steps.Add(Step(ReplicaPhase.Outage, replica, removeAllowed: true));
        }

        var first = olderReturnsLast ? Newer : Older;
        for (var i = 0; i < 3; i++)
        {
            steps.Add(Step(ReplicaPhase.BetweenReturns, first, removeAllowed: true));
        }

        return new ReplicaSchedule(steps, first);
    }

    /// <summary>
    /// How many of the last replica's outage changes its return must keep out because Redis holds a later write. The replay
    /// is a compare-and-set by write time, so that is every key where the first replica made a later change that reached
    /// Redis: its own replayed outage change (under Discard only a removal is replayed) or a write between the returns.
    /// </summary>
    public int ExpectedKeptByLastReturn(ReturnPolicy policy)
    {
        var kept = 0;
        for (var k = 0; k < Keys; k++)
        {
            var key = Key(k);
            var indexed = Steps.Select((step, index) => (step, index)).Where(s => s.step.Key == key).ToList();
            var replayed = indexed.LastOrDefault(s => s.step.Phase == ReplicaPhase.Outage && s.step.Replica == LastToReturn
                && (policy == ReturnPolicy.WriteBack || s.step.Kind == OperationKind.Remove));
            if (replayed.step is null)
            {
                continue;
            }

            var later = indexed.Any(s => s.index > replayed.index && s.step.Replica == FirstToReturn
                && (s.step.Phase == ReplicaPhase.BetweenReturns || policy == ReturnPolicy.WriteBack || s.step.Kind == OperationKind.Remove));
            kept += later ? 1 : 0;
        }

        return kept;
    }
}
