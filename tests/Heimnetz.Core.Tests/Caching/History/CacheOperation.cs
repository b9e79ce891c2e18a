namespace Heimnetz.Tests.Caching.History;

/// <summary>What a recorded call did.</summary>
internal enum OperationKind
{
    Set,
    Get,
    Remove,
}

/// <summary>Where the call was served from, as far as the transitions around it prove it; Unknown when a switch overlapped it.</summary>
internal enum ServedBy
{
    Unknown,
    Redis,
    Memory,
}

/// <summary>
/// One call as it really happened: its key, the value written or read, and when it started and ended (monotonic ticks).
/// <see cref="TransitionsBefore"/> and <see cref="TransitionsAfter"/> count the cache's mode changes read just before it
/// started and just after it ended; with the mode read at both ends they prove where the call was served.
/// </summary>
internal sealed record CacheOperation(
    int Worker,
    OperationKind Kind,
    string Key,
    string? Value,
    long Start,
    long End,
    int TransitionsBefore,
    int TransitionsAfter,
    ServedBy Served,
    string? Error)
{
    public bool IsWrite => Kind is OperationKind.Set or OperationKind.Remove;

    public override string ToString() =>
        $"{Kind} {Key}{(Value is null ? string.Empty : "=" + Value)} by worker {Worker} [{Start}..{End}] transitions {TransitionsBefore}..{TransitionsAfter} served by {Served}";
}
