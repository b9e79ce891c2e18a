namespace Heimnetz.Tests.Caching.History.Replicas;

/// <summary>When a step runs: before the outage (Redis serves), during it (memory serves), or between the two returns (the first replica to return writes to Redis while the other is still away).</summary>
internal enum ReplicaPhase
{
    BeforeOutage,
    Outage,
    BetweenReturns,
}

/// <summary>One planned call: which replica makes it, and on which key.</summary>
internal sealed record ReplicaStep(ReplicaPhase Phase, int Replica, OperationKind Kind, string Key, string? Value)
{
    public string Command => Kind switch
    {
        OperationKind.Set => $"set {Key} {Value}",
        OperationKind.Remove => $"remove {Key}",
        _ => $"get {Key}",
    };
}
