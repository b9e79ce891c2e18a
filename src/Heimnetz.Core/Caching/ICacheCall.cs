using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>
/// One cache operation as <see cref="CacheCallRunner"/> runs it: its Redis call (sync and async) and its memory side.
/// Implemented by small structs, so the runner is specialised per operation: no delegate, closure or boxing on the hot path.
/// </summary>
internal interface ICacheCall<TResult>
{
    /// <summary>The operation's name in logs and metrics: get, set, remove or refresh.</summary>
    string Operation { get; }

    /// <summary>
    /// A write is kept only in memory when Redis fails it, and memory is only read while the circuit is open: so a failed write
    /// opens the circuit at once and is tried again (in memory, or on the link recovery put in place meanwhile).
    /// </summary>
    bool IsWrite { get; }

    /// <summary>The Redis call; the synchronous API waits at most SyncTimeout, which is the operation timeout.</summary>
    TResult Call(IDatabase database);

    /// <summary>The Redis call; SE.Redis bounds it by its AsyncTimeout, within the operation timeout.</summary>
    Task<TResult> CallAsync(IDatabase database);

    /// <summary>Redis answered: give back what the call held on to.</summary>
    void Completed();

    /// <summary>The memory side; false when Redis came back meanwhile (the outage store refuses the write), so the runner goes there.</summary>
    bool TryMemory(out TResult result);
}
