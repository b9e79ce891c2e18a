using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>
/// Runs every cache call the same way: to Redis while the circuit is closed, observing the failure (count it, open the circuit)
/// and falling back to memory; to memory while it is open. One shape for synchronous calls, one for asynchronous ones.
/// </summary>
internal sealed class CacheCallRunner(CacheCircuit<RedisLink> circuit, CacheMetrics metrics, HeimnetzCacheOptions options, TimeProvider timeProvider, ILogger logger)
{
    public TResult Run<TCall, TResult>(TCall call)
        where TCall : struct, ICacheCall<TResult>
    {
        var started = metrics.Start(timeProvider);
        while (true)
        {
            if (circuit.Link is { } current)
            {
                try
                {
                    return Answered<TCall, TResult>(ref call, call.Call(current.Database), started);
                }
                catch (Exception exception) when (exception is not ArgumentException)
                {
                    if (FailedAndRetry(current, call.Operation, exception, call.IsWrite))
                    {
                        continue;
                    }
                }
            }

            if (FromMemory<TCall, TResult>(ref call, started, out var value))
            {
                return value;
            }
        }
    }

    public async Task<TResult> RunAsync<TCall, TResult>(TCall call, CancellationToken cancellationToken)
        where TCall : struct, ICacheCall<TResult>
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = metrics.Start(timeProvider);
        while (true)
        {
            if (circuit.Link is { } current)
            {
                Task<TResult>? pending = null;
                try
                {
                    pending = call.CallAsync(current.Database);
                    // WaitAsync only lets the caller's token end the wait, and returns the same task, allocating nothing, for
                    // a token that cannot cancel; SE.Redis's own timeout bounds the call.
                    var result = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
                    return Answered<TCall, TResult>(ref call, result, started);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    Observe(pending);
                    throw;
                }
                catch (Exception exception) when (exception is not ArgumentException)
                {
                    Observe(pending);
                    if (FailedAndRetry(current, call.Operation, exception, call.IsWrite))
                    {
                        continue;
                    }
                }
            }

            if (FromMemory<TCall, TResult>(ref call, started, out var value))
            {
                return value;
            }
        }
    }

    public void ServedFromMemory(string operation, long started)
    {
        metrics.FallbackHit(operation);
        metrics.Duration(timeProvider, started, CacheMode.Memory, operation);
    }

    // A call we stopped waiting for may still fail later; observe it so it does not surface as an unobserved task exception.
    internal static void Observe(Task? call) =>
        call?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private TResult Answered<TCall, TResult>(ref TCall call, TResult result, long started)
        where TCall : struct, ICacheCall<TResult>
    {
        call.Completed();
        circuit.Succeeded();
        metrics.Duration(timeProvider, started, CacheMode.Redis, call.Operation);
        return result;
    }

    private bool FromMemory<TCall, TResult>(ref TCall call, long started, out TResult value)
        where TCall : struct, ICacheCall<TResult>
    {
        if (!call.TryMemory(out value))
        {
            // Redis came back between reading the link and writing to memory: the caller goes round again, to Redis.
            return false;
        }

        ServedFromMemory(call.Operation, started);
        return true;
    }

    /// <summary>Counts the failure; true when the call goes round again (a write), false when memory serves it (a read).</summary>
    private bool FailedAndRetry(RedisLink failed, string operation, Exception exception, bool write)
    {
        var description = Describe(operation, exception);
        CacheLog.RedisCallFailed(logger, operation, failed.Endpoint, description);
        // The circuit is open after a failed write, unless recovery had already replaced this link: then the next round
        // writes to the new one, instead of to a memory store nothing reads while Redis is in use.
        circuit.Failed(failed, write ? $"{description}; a write cannot wait" : description, openAtOnce: write);
        return write;
    }

    private string Describe(string operation, Exception exception) => exception switch
    {
        TimeoutException or RedisTimeoutException => $"{operation} got no reply within {options.OperationTimeout.TotalMilliseconds:0} ms",
        RedisConnectionException connection => $"{operation} failed: connection {connection.FailureType}",
        ObjectDisposedException => $"{operation} failed: connection closed",
        _ => $"{operation} failed: {exception.GetType().Name}",
    };
}
