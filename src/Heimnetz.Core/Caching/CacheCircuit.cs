using Heimnetz.Discovery;
using Heimnetz.Telemetry;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Caching;

/// <summary>
/// Closed (a link to Redis is in use) or open (memory serves, no link): counts consecutive failures, opens on the threshold
/// or at once for a write, closes when recovery hands it a verified link, and keeps the transitions and their events.
/// </summary>
/// <remarks>
/// Transitions are made under one lock so <see cref="ModeChanged"/> arrives in order; the link itself is read without it,
/// once per call, on the hot path.
/// </remarks>
internal sealed class CacheCircuit<TLink>(object sender, int failureThreshold, TimeProvider timeProvider, ILogger logger, Action<TLink> opened)
    where TLink : class, ICircuitLink
{
    private readonly Lock gate = new();
    private readonly Queue<CacheTransition> transitions = new();
    private volatile TLink? link;
    private int consecutiveFailures;
    private string reason = "starting: no Redis located yet";
    private RedisEndpoint? lastEndpoint;
    private string? lastRunId;

    /// <summary>Raised on every transition, under the lock; a handler that throws is logged and ignored.</summary>
    public event EventHandler<CacheModeChangedEventArgs>? ModeChanged;

    /// <summary>The link in use, or null while the circuit is open.</summary>
    public TLink? Link => link;

    public CacheMode Mode => link is null ? CacheMode.Memory : CacheMode.Redis;

    public CacheStatus Status
    {
        get
        {
            lock (gate)
            {
                var current = link;
                return new CacheStatus(
                    current is null ? CacheMode.Memory : CacheMode.Redis,
                    (current?.Endpoint ?? lastEndpoint)?.ToString(),
                    current?.RunId ?? lastRunId,
                    reason,
                    [.. transitions]);
            }
        }
    }

    public void Succeeded()
    {
        // Read first: the common case (no failures) then writes nothing, so callers on many cores do not share a dirty line.
        if (Volatile.Read(ref consecutiveFailures) != 0)
        {
            Interlocked.Exchange(ref consecutiveFailures, 0);
        }
    }

    /// <summary>Counts a failure on <paramref name="failed"/>; opens on the threshold, or at once when <paramref name="openAtOnce"/>.</summary>
    public void Failed(TLink failed, string description, bool openAtOnce)
    {
        if (openAtOnce || Interlocked.Increment(ref consecutiveFailures) >= failureThreshold)
        {
            Open(failed, description);
        }
    }

    /// <summary>Opens the circuit if <paramref name="failed"/> is still the link in use; a failure on a replaced link changes nothing.</summary>
    public bool Open(TLink failed, string why)
    {
        if (!ReferenceEquals(link, failed))
        {
            return false;
        }

        lock (gate)
        {
            if (!ReferenceEquals(link, failed))
            {
                return false;
            }

            link = null;
            Interlocked.Exchange(ref consecutiveFailures, 0);
            // A moment, not a span: the switch itself takes no time; the activity marks it in the trace with its reason.
            using var activity = HeimnetzActivities.StartFailover(failed.Endpoint.ToString(), why);
            CacheLog.FailedOver(logger, failed.Endpoint, why);
            Record(new CacheTransition(CacheMode.Redis, CacheMode.Memory, why, timeProvider.GetUtcNow(), failed.Endpoint.ToString(), failed.RunId));
        }

        opened(failed);
        return true;
    }

    /// <summary>
    /// Closes the circuit on <paramref name="returning"/>. <paramref name="switched"/> runs right after the link is set and
    /// before anyone else can open the circuit again; <paramref name="summary"/> is added to the transition's reason.
    /// </summary>
    public void Close(TLink returning, Action switched, string summary)
    {
        lock (gate)
        {
            var why = ReturnReason(returning) + summary;
            link = returning;
            switched();
            lastEndpoint = returning.Endpoint;
            lastRunId = returning.RunId;
            Interlocked.Exchange(ref consecutiveFailures, 0);
            CacheLog.Returned(logger, returning.Endpoint, returning.RunId ?? "unknown", why);
            Record(new CacheTransition(CacheMode.Memory, CacheMode.Redis, why, timeProvider.GetUtcNow(), returning.Endpoint.ToString(), returning.RunId));
        }
    }

    /// <summary>Why the circuit is still open, when it is; a failure that raced a return does not overwrite the return's reason.</summary>
    public void StillOpen(string why)
    {
        lock (gate)
        {
            if (link is null)
            {
                reason = why;
            }
        }
    }

    /// <summary>Takes the link away without a transition, for disposal.</summary>
    public TLink? Detach()
    {
        lock (gate)
        {
            var current = link;
            link = null;
            return current;
        }
    }

    private string ReturnReason(TLink returning)
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

    private void Record(CacheTransition transition)
    {
        reason = transition.Reason;
        transitions.Enqueue(transition);
        while (transitions.Count > HeimnetzCacheDefaults.TransitionHistory)
        {
            transitions.Dequeue();
        }

        var handlers = ModeChanged;
        if (handlers is null)
        {
            return;
        }

        var arguments = new CacheModeChangedEventArgs(transition);
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<CacheModeChangedEventArgs>>())
        {
            try
            {
                handler(sender, arguments);
            }
#pragma warning disable CA1031 // A subscriber's bug must not break the cache or the other subscribers.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                CacheLog.ModeChangedHandlerFailed(logger, exception);
            }
        }
    }
}
