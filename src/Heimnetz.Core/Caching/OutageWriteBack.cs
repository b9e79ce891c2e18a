using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Caching;

/// <summary>
/// Replays an outage's changes to Redis on return: the last change to each key (a removal as a tombstone), or only the
/// removals under <see cref="ReturnPolicy.Discard"/>, each as a compare-and-set by write time, so an entry written later,
/// by a caller since the switch or by another instance, is kept.
/// </summary>
internal sealed class OutageWriteBack(HeimnetzCacheOptions options, TimeProvider timeProvider, ILogger logger)
{
    public bool RemovalsOnly => options.ReturnPolicy != ReturnPolicy.WriteBack;

    public async Task<WriteBackCount> ReplayAsync(RedisLink target, OutageStore.Generation generation, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var count = default(WriteBackCount);
        foreach (var key in keys)
        {
            if (generation.TryClaim(key) is not { } change || (RemovalsOnly && change.RemovedAt is null))
            {
                continue;
            }

            // Under Discard only the outage's latest removal of the key goes back, even when a write (dropped) followed it.
            var (entry, written) = RemovalsOnly ? (null, change.RemovedAt!.Value) : (change.Entry, change.Written);
            count += await ReplayOneAsync(target, key, entry, written, cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    /// <summary>How the return reads in the transition's reason.</summary>
    public string Summary(WriteBackCount firstPass, int outageKeys) => RemovalsOnly
        ? string.Create(CultureInfo.InvariantCulture, $"; return policy Discard dropped {outageKeys - firstPass.Deleted - firstPass.Failed} outage key(s), replayed {firstPass.Deleted} removal(s), failed {firstPass.Failed}")
        : string.Create(CultureInfo.InvariantCulture, $"; return policy WriteBack wrote {firstPass.Written}, deleted {firstPass.Deleted}, kept {firstPass.Kept} newer, failed {firstPass.Failed}");

    public void Completed(RedisLink target, WriteBackCount total)
    {
        if (RemovalsOnly)
        {
            CacheLog.OutageRemovalsReplayed(logger, target.Endpoint, total.Deleted, total.Kept, total.Failed);
        }
        else
        {
            CacheLog.WriteBackCompleted(logger, target.Endpoint, total.Written, total.Deleted, total.Kept, total.Failed);
        }
    }

    private async Task<WriteBackCount> ReplayOneAsync(RedisLink target, string key, OutageEntry? entry, long written, CancellationToken cancellationToken)
    {
        Task<bool>? call = null;
        try
        {
            var now = timeProvider.GetUtcNow();
            var isDelete = entry is null || entry.RemainingAt(now) <= TimeSpan.Zero;
            call = RedisEntryStore.ReplayAsync(target.Database, key, entry, written, now);
            var replayed = await call.WaitAsync(options.ConnectTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            return !replayed ? new WriteBackCount(0, 0, 1, 0)
                : isDelete ? new WriteBackCount(0, 1, 0, 0)
                : new WriteBackCount(1, 0, 0, 0);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            CacheCallRunner.Observe(call);
            throw;
        }
#pragma warning disable CA1031 // One key that cannot be written back is counted and logged; the others still go.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CacheCallRunner.Observe(call);
            CacheLog.WriteBackFailed(logger, target.Endpoint, exception.GetType());
            return new WriteBackCount(0, 0, 0, 1);
        }
    }
}
