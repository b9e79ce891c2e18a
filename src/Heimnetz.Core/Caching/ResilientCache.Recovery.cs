using System.Collections.Concurrent;
using System.Globalization;
using Polly;
using Polly.Retry;
using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>The one background loop: probes Redis while it is in use, and finds, connects and verifies a Redis while it is not.</summary>
public sealed partial class ResilientCache
{
    private readonly ResiliencePipeline recovery;
    private readonly ConcurrentQueue<RedisLink> retired = new();
    private readonly RetiredLinkFence fence = new();
    private TaskCompletionSource wakeSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int recoveryAttempt;

    private ResiliencePipeline BuildRecoveryPipeline() =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                // Every failure is retried until a Redis answers or the cache is disposed (Polly stops on that token).
                ShouldHandle = new PredicateBuilder().Handle<Exception>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RecoveryBaseDelay,
                MaxDelay = options.RecoveryMaxDelay,
                OnRetry = arguments =>
                {
                    var failure = arguments.Outcome.Exception is { } exception ? DescribeRecoveryFailure(exception) : "no answer";
                    lock (gate)
                    {
                        if (link is null)
                        {
                            reason = failure;
                        }
                    }

                    Log.RecoveryAttemptFailed(logger, arguments.AttemptNumber + 1, failure, arguments.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .Build();

    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await DisposeRetiredAsync().ConfigureAwait(false);
                if (link is null)
                {
                    recoveryAttempt = 0;
                    await recovery.ExecuteAsync(RecoverOnceAsync, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await WaitForProbeOrWakeAsync(cancellationToken).ConfigureAwait(false);
                if (link is { } current)
                {
                    await ProbeAsync(current, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
#pragma warning disable CA1031 // The loop must log whatever stops it rather than die silently on a thread-pool thread.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.SupervisorFailed(logger, exception);
        }
    }

    private async Task WaitForProbeOrWakeAsync(CancellationToken cancellationToken)
    {
        var wake = Volatile.Read(ref wakeSignal).Task;
        var delay = Task.Delay(options.HealthProbeInterval, timeProvider, cancellationToken);
        await Task.WhenAny(delay, wake).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Wake() =>
        Interlocked.Exchange(ref wakeSignal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private async Task ProbeAsync(RedisLink current, CancellationToken cancellationToken)
    {
        Task? ping = null;
        try
        {
            ping = current.Database.PingAsync();
            await ping.WaitAsync(options.HealthProbeTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            OnRedisSuccess();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(ping);
            throw;
        }
        catch (Exception exception)
        {
            Observe(ping);
            var description = exception is TimeoutException or RedisTimeoutException
                ? $"health probe PING got no reply within {options.HealthProbeTimeout.TotalMilliseconds:0} ms"
                : $"health probe PING failed: {exception.GetType().Name}";
            Log.RedisCallFailed(logger, "ping", current.Endpoint, description);
            if (Interlocked.Increment(ref consecutiveFailures) >= options.FailureThreshold)
            {
                Open(current, description);
            }
        }
    }

    private async ValueTask RecoverOnceAsync(CancellationToken cancellationToken)
    {
        recoveryAttempt++;
        await DisposeRetiredAsync().ConfigureAwait(false);

        // Ask again every time: Redis may come back at another address (a restarted container), or not at all.
        var location = await locator.LocateAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new RecoveryException("no Redis located");

        var clientName = fence.NextClientName();
        var multiplexer = await ConnectAsync(location, clientName, cancellationToken).ConfigureAwait(false);
        string? runId;
        try
        {
            var database = multiplexer.GetDatabase();
            await database.PingAsync().WaitAsync(options.ConnectTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            runId = await ReadRunIdAsync(multiplexer, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await CloseAsync(multiplexer).ConfigureAwait(false);
            throw;
        }

        await ReturnAsync(new RedisLink(multiplexer, location, runId, clientName), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ReadRunIdAsync(ConnectionMultiplexer multiplexer, CancellationToken cancellationToken)
    {
        try
        {
            var server = multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
            var info = await server.InfoRawAsync("server").WaitAsync(options.ConnectTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            return ParseRunId(info);
        }
        catch (RedisServerException)
        {
            // A user without permission for INFO still gets a cache; only "same server or not" becomes unknown.
            return null;
        }
    }

    private static TimeSpan HeartbeatInterval(TimeSpan operationTimeout) =>
        TimeSpan.FromMilliseconds(Math.Clamp(operationTimeout.TotalMilliseconds / 5, 5, 1000));

    private async Task<ConnectionMultiplexer> ConnectAsync(RedisLocation location, string clientName, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationOptions
        {
            EndPoints = { { location.Endpoint.Host, location.Endpoint.Port } },
            User = location.Credentials?.User,
            Password = location.Credentials?.Password,
            Ssl = location.UseTls,
            ClientName = clientName,
            // SE.Redis counts INFO (for run_id) and CLIENT LIST/KILL (the return's fence) as admin commands; the cache sends no other.
            AllowAdmin = true,
            AbortOnConnectFail = false,
            ConnectRetry = 1,
            ConnectTimeout = Milliseconds(options.ConnectTimeout),
            SyncTimeout = Milliseconds(options.OperationTimeout),
            AsyncTimeout = Milliseconds(options.OperationTimeout),
            // SE.Redis fails overdue async calls on its heartbeat; beating at a fifth of the timeout bounds a call by
            // OperationTimeout plus a fifth, with no timer per call on the hot path (a timer per call cost more than the call).
            HeartbeatInterval = HeartbeatInterval(options.OperationTimeout),
            KeepAlive = 1,
            // Calls during an outage fail at once instead of queueing for a connection that may never come back.
            BacklogPolicy = BacklogPolicy.FailFast,
            // Pub/sub is not used; without it there is one connection per server, so one failure event per outage.
            CommandMap = CommandMap.Create(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE" }, available: false),
        };

        if (location.UseTls && location.TlsTrust is { } trust)
        {
            // The same check as discovery's probe: the configured CA only, never the machine's trust store.
            configuration.CertificateValidation += trust.Validate;
        }

        var connecting = ConnectionMultiplexer.ConnectAsync(configuration);
        ConnectionMultiplexer multiplexer;
        try
        {
            // SE.Redis bounds the connect by ConnectTimeout itself; this bound only guards against it not doing so.
            multiplexer = await connecting.WaitAsync(options.ConnectTimeout * 4, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _ = connecting.ContinueWith(static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }

        if (!multiplexer.IsConnected)
        {
            await CloseAsync(multiplexer).ConfigureAwait(false);
            throw new RecoveryException($"connect to {location.Endpoint} failed within {options.ConnectTimeout.TotalMilliseconds:0} ms");
        }

        return multiplexer;
    }

    private async Task ReturnAsync(RedisLink returning, CancellationToken cancellationToken)
    {
        var generation = memory.Current;
        var writeBack = options.ReturnPolicy == ReturnPolicy.WriteBack;

        // Once a connection carried calls, a write that timed out on it may still be on its way: the server drops those
        // connections first, so nothing from before the outage lands after what this return writes.
        if (lastEndpoint is not null)
        {
            await FenceAsync(returning, cancellationToken).ConfigureAwait(false);
        }

        // Before the switch, so reads on Redis see the outage's changes at once. Callers still write to memory meanwhile;
        // a key they change becomes dirty again and the second pass replays it.
        var firstPass = await ReplayAsync(returning, generation, [.. generation.Keys], removalsOnly: !writeBack, cancellationToken).ConfigureAwait(false);

        returning.FailedHandler = (_, arguments) =>
            Open(returning, $"connection failed ({arguments.FailureType}) on {returning.Endpoint}");
        returning.Multiplexer.ConnectionFailed += returning.FailedHandler;

        lock (gate)
        {
            var why = ReturnReason(returning);
            // The link first, then the new generation: a memory write checks the link after entering a generation, so none
            // lands in the new one while Redis is in use (it would be served by the next outage, over newer data).
            link = returning;
            memory.Advance();
            why += writeBack
                ? string.Create(CultureInfo.InvariantCulture, $"; return policy WriteBack wrote {firstPass.Written}, deleted {firstPass.Deleted}, kept {firstPass.Kept} newer, failed {firstPass.Failed}")
                : string.Create(CultureInfo.InvariantCulture, $"; return policy Discard dropped {generation.Keys.Count - firstPass.Deleted - firstPass.Failed} outage key(s), replayed {firstPass.Deleted} removal(s), failed {firstPass.Failed}");
            lastEndpoint = returning.Endpoint;
            lastRunId = returning.RunId;
            Interlocked.Exchange(ref consecutiveFailures, 0);
            Log.Returned(logger, returning.Endpoint, returning.RunId ?? "unknown", why);
            Record(new CacheTransition(CacheMode.Memory, CacheMode.Redis, why, timeProvider.GetUtcNow(), returning.Endpoint.ToString(), returning.RunId));
        }

        // Calls go to Redis now. The seal waits out the memory writes that began before the switch, so the second pass sees
        // every change the outage made; its compare-and-set keeps whatever callers (or other instances) wrote since.
        generation.Seal();
        var total = firstPass + await ReplayAsync(returning, generation, generation.DirtyKeys(), removalsOnly: !writeBack, cancellationToken).ConfigureAwait(false);
        if (writeBack)
        {
            Log.WriteBackCompleted(logger, returning.Endpoint, total.Written, total.Deleted, total.Kept, total.Failed);
        }
        else
        {
            Log.OutageRemovalsReplayed(logger, returning.Endpoint, total.Deleted, total.Kept, total.Failed);
        }

        OutageStore.Drop(generation);
    }

    private async Task FenceAsync(RedisLink returning, CancellationToken cancellationToken)
    {
        var outcome = await fence.CloseOthersAsync(
            returning.Multiplexer,
            returning.ClientName,
            call => call.WaitAsync(options.ConnectTimeout, timeProvider, cancellationToken)).ConfigureAwait(false);
        if (outcome.RefusedWith is { } code)
        {
            Log.FenceRefused(logger, returning.Endpoint, code);
        }
        else
        {
            Log.RetiredConnectionsClosed(logger, returning.Endpoint, outcome.ClosedConnections);
        }
    }

    private string ReturnReason(RedisLink returning)
    {
        var runId = returning.RunId ?? "unknown";
        if (lastEndpoint is null)
        {
            return $"connected to Redis at {returning.Endpoint} (run_id {runId})";
        }

        if (lastEndpoint != returning.Endpoint)
        {
            return $"Redis answered at another endpoint {returning.Endpoint} (was {lastEndpoint}; run_id {runId})";
        }

        return lastRunId is not null && returning.RunId != lastRunId
            ? $"Redis at {returning.Endpoint} answered with a new run_id {runId} (was {lastRunId}): restarted or replaced, its data may be gone"
            : $"Redis at {returning.Endpoint} answered again (same run_id {runId})";
    }

    /// <summary>
    /// Replays the outage's last change to each key (a removal as a tombstone), or only its removals under Discard, each as a
    /// compare-and-set by write time: an entry written later, by a caller since the switch or by another instance, is kept.
    /// </summary>
    private async Task<WriteBackCount> ReplayAsync(RedisLink target, OutageStore.Generation generation, IEnumerable<string> keys, bool removalsOnly, CancellationToken cancellationToken)
    {
        var count = default(WriteBackCount);
        foreach (var key in keys)
        {
            if (generation.TryClaim(key) is not { } change || (removalsOnly && change.RemovedAt is null))
            {
                continue;
            }

            // Under Discard only the outage's latest removal of the key goes back, even when a write (dropped) followed it.
            var (entry, written) = removalsOnly ? (null, change.RemovedAt!.Value) : (change.Entry, change.Written);

            Task<bool>? call = null;
            try
            {
                var now = timeProvider.GetUtcNow();
                var isDelete = entry is null || entry.RemainingAt(now) <= TimeSpan.Zero;
                call = RedisEntryStore.ReplayAsync(target.Database, key, entry, written, now);
                var replayed = await call.WaitAsync(options.ConnectTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
                count = !replayed ? count with { Kept = count.Kept + 1 }
                    : isDelete ? count with { Deleted = count.Deleted + 1 }
                    : count with { Written = count.Written + 1 };
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Observe(call);
                throw;
            }
#pragma warning disable CA1031 // One key that cannot be written back is counted and logged; the others still go.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Observe(call);
                count = count with { Failed = count.Failed + 1 };
                Log.WriteBackFailed(logger, target.Endpoint, exception.GetType());
            }
        }

        return count;
    }

    private void Retire(RedisLink old)
    {
        if (old.FailedHandler is { } handler)
        {
            old.Multiplexer.ConnectionFailed -= handler;
        }

        retired.Enqueue(old);
    }

    private async Task DisposeRetiredAsync()
    {
        while (retired.TryDequeue(out var old))
        {
            await CloseAsync(old.Multiplexer).ConfigureAwait(false);
        }
    }

    private static async Task CloseAsync(ConnectionMultiplexer multiplexer)
    {
        try
        {
            await multiplexer.CloseAsync(allowCommandsToComplete: false).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Closing a connection to a dead server may fail in many ways; it is being thrown away either way.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        await multiplexer.DisposeAsync().ConfigureAwait(false);
    }

    private string DescribeRecoveryFailure(Exception exception) => exception switch
    {
        RecoveryException recoveryFailure => recoveryFailure.Message,
        TimeoutException => $"Redis did not answer PING and INFO within {options.ConnectTimeout.TotalMilliseconds:0} ms",
        RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure } => "authentication failed: a TLS certificate that is not trusted, or a rejected password",
        RedisConnectionException connection => $"connection {connection.FailureType}",
        RedisServerException => "Redis answered with an error (e.g. NOAUTH, LOADING)",
        _ => exception.GetType().Name,
    };

    internal static string? ParseRunId(string? info)
    {
        foreach (var line in (info ?? string.Empty).Split('\n'))
        {
            if (line.StartsWith("run_id:", StringComparison.Ordinal))
            {
                return line["run_id:".Length..].Trim();
            }
        }

        return null;
    }

    private static int Milliseconds(TimeSpan span) => (int)Math.Ceiling(span.TotalMilliseconds);

    /// <summary>What a replay did: entries written, tombstones written, changes skipped because Redis held a newer write, and failures.</summary>
    private readonly record struct WriteBackCount(int Written, int Deleted, int Kept, int Failed)
    {
        public static WriteBackCount operator +(WriteBackCount left, WriteBackCount right) =>
            new(left.Written + right.Written, left.Deleted + right.Deleted, left.Kept + right.Kept, left.Failed + right.Failed);
    }

    /// <summary>A recovery attempt that failed for a reason we can state plainly; never carries a secret.</summary>
    private sealed class RecoveryException(string message) : Exception(message);
}
