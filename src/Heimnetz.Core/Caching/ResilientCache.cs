using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Heimnetz.Discovery;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>
/// A Redis-first <see cref="IDistributedCache"/> that serves from memory within <see cref="HeimnetzCacheOptions.OperationTimeout"/>
/// when Redis stops answering, and returns to Redis by itself when one answers again.
/// </summary>
/// <remarks>
/// <para>Memory is only the outage store: while Redis is in use nothing is written to memory, and memory mode serves only what was
/// written during the current outage (nothing from before it). What happens to outage writes on return is the
/// <see cref="ReturnPolicy"/>; see docs/caching.md for the full semantics.</para>
/// <para>Redis failures never escape a call: they are served from memory and counted toward opening the circuit.
/// Invalid arguments and the caller's own cancellation do throw.</para>
/// </remarks>
public sealed partial class ResilientCache : IDistributedCache, IAsyncDisposable, IDisposable
{
    private const string GetOperation = "get";
    private const string SetOperation = "set";
    private const string RemoveOperation = "remove";
    private const string RefreshOperation = "refresh";

    private static readonly Task<byte[]?> NoValue = Task.FromResult<byte[]?>(null);

    private readonly IRedisLocator locator;
    private readonly HeimnetzCacheOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly OutageStore memory;
    private readonly WriteClock writeClock;
    private readonly Func<bool> outageContinues;
    private readonly CacheMetrics metrics;
    private readonly Lock gate = new();
    private readonly Queue<CacheTransition> transitions = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task supervisor;

    private volatile RedisLink? link;
    private int consecutiveFailures;
    private string reason = "starting: no Redis located yet";
    private RedisEndpoint? lastEndpoint;
    private string? lastRunId;
    private int disposed;

    /// <summary>Creates the cache and starts its one background loop, which finds and connects Redis; until then memory serves calls.</summary>
    /// <param name="locator">Finds the Redis to use, at start and again after every failure.</param>
    /// <param name="options">The settings; validated here, every problem in one <see cref="ArgumentException"/>.</param>
    /// <param name="timeProvider">The clock for timeouts, expirations, backoff and timestamps; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where transitions and failures are logged (never secrets).</param>
    /// <param name="meterFactory">Creates the <c>Heimnetz.Cache</c> meter; the cache owns its own meter when null.</param>
    public ResilientCache(
        IRedisLocator locator,
        HeimnetzCacheOptions options,
        TimeProvider? timeProvider = null,
        ILogger<ResilientCache>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentNullException.ThrowIfNull(options);
        HeimnetzCacheOptionsValidator.ThrowIfInvalid(options);
        this.locator = locator;
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        memory = new OutageStore(this.timeProvider);
        writeClock = new WriteClock(this.timeProvider);
        outageContinues = () => link is null;
        metrics = new CacheMetrics(meterFactory, () => Mode);
        recovery = BuildRecoveryPipeline();
        supervisor = Task.Run(() => SuperviseAsync(stopping.Token));
    }

    /// <summary>Raised on every switch between Redis and memory; a handler that throws is logged and ignored. Keep handlers quick.</summary>
    public event EventHandler<CacheModeChangedEventArgs>? ModeChanged;

    /// <summary>Where calls are served from right now.</summary>
    public CacheMode Mode => link is null ? CacheMode.Memory : CacheMode.Redis;

    /// <summary>A snapshot of mode, endpoint, reason and the latest transitions.</summary>
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

    /// <summary>The meter the instruments live on, for tests that listen to this one cache.</summary>
    internal Meter Meter => metrics.Meter;

    /// <inheritdoc />
    public byte[]? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var current = link;
        if (current is null && !metrics.Listening)
        {
            // An outage with nobody measuring: the read alone, as close to a plain MemoryCache as it gets.
            return memory.Get(key);
        }

        return GetMeasured(current, key);
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        if (key is null)
        {
            // A faulted task, not a throw, as the async methods always did.
            return Task.FromException<byte[]?>(new ArgumentNullException(nameof(key)));
        }

        if (token.IsCancellationRequested)
        {
            return Task.FromCanceled<byte[]?>(token);
        }

        var current = link;
        if (current is not null)
        {
            return GetFromRedisAsync(current, key, token);
        }

        // Memory mode completes synchronously; the entry keeps its value as a completed task, so this allocates nothing.
        if (!metrics.Listening)
        {
            return memory.TryGetEntry(memory.Current, key)?.ValueTask ?? NoValue;
        }

        var started = metrics.Start(timeProvider);
        var entry = memory.TryGetEntry(memory.Current, key);
        ServedFromMemory(GetOperation, started);
        return entry?.ValueTask ?? NoValue;
    }

    // Not inlined: with its exception handling inside Get, the outage fast path paid for a frame it never uses.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private byte[]? GetMeasured(RedisLink? current, string key)
    {
        var started = metrics.Start(timeProvider);
        if (current is not null)
        {
            try
            {
                // The synchronous API waits at most SyncTimeout, which is set to OperationTimeout: one round trip, the script.
                var data = RedisEntryStore.Get(current.Database, key, timeProvider.GetUtcNow());
                ServedByRedis(GetOperation, started);
                return data;
            }
            catch (Exception exception) when (exception is not ArgumentException)
            {
                OnRedisFailure(current, GetOperation, exception, write: false);
            }
        }

        var value = memory.Get(key);
        ServedFromMemory(GetOperation, started);
        return value;
    }

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var now = timeProvider.GetUtcNow();
        var absolute = ExpirationMath.Absolute(options, now);
        var ttl = ExpirationMath.FirstTimeToLive(absolute, options.SlidingExpiration, now);
        var written = writeClock.Next();
        Write(
            SetOperation,
            db => RedisEntryStore.Set(db, key, value, absolute, options.SlidingExpiration, ttl, written),
            () => memory.TrySet(key, value, options, written, outageContinues));
    }

    /// <inheritdoc />
    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var now = timeProvider.GetUtcNow();
        var absolute = ExpirationMath.Absolute(options, now);
        var ttl = ExpirationMath.FirstTimeToLive(absolute, options.SlidingExpiration, now);
        token.ThrowIfCancellationRequested();
        var written = writeClock.Next();

        // Written out rather than through WriteAsync: no closure, delegates or second state machine on the hot path.
        var started = metrics.Start(timeProvider);
        while (true)
        {
            var current = link;
            if (current is null)
            {
                if (memory.TrySet(key, value, options, written, outageContinues))
                {
                    ServedFromMemory(SetOperation, started);
                    return;
                }

                // Redis came back between reading the link and writing to memory: write to Redis.
                continue;
            }

            Task? call = null;
            try
            {
                var entry = RedisEntryFormat.Encode(value, options.SlidingExpiration, absolute, written);
                call = RedisEntryStore.WriteAsync(current.Database, key, entry, ttl);
                // SE.Redis itself bounds the call by OperationTimeout (its AsyncTimeout); WaitAsync only lets the caller's
                // token end the wait, and returns the same task, allocating nothing, for a token that cannot cancel.
                await call.WaitAsync(token).ConfigureAwait(false);
                entry.Return();
                ServedByRedis(SetOperation, started);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                Observe(call);
                throw;
            }
            catch (Exception exception) when (exception is not ArgumentException)
            {
                // The circuit is open now, unless recovery had already replaced this connection: then the next round writes
                // to the new one, instead of to a memory store nothing reads while Redis is in use.
                Observe(call);
                OnRedisFailure(current, SetOperation, exception, write: true);
            }
        }
    }

    /// <inheritdoc />
    public void Refresh(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = timeProvider.GetUtcNow();
        Run(RefreshOperation, db => RedisEntryStore.Slide(db, key, now), () =>
        {
            memory.Get(key);
            return RedisResult.Create(0);
        });
    }

    /// <inheritdoc />
    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = timeProvider.GetUtcNow();
        await RunAsync(RefreshOperation, db => RedisEntryStore.SlideAsync(db, key, now), () =>
        {
            memory.Get(key);
            return RedisResult.Create(0);
        }, token).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var written = writeClock.Next();
        Write(RemoveOperation, db => RedisEntryStore.Remove(db, key, written), () => memory.TryRemove(key, written, outageContinues));
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var written = writeClock.Next();
        await WriteAsync(RemoveOperation, db => RedisEntryStore.RemoveAsync(db, key, written), () => memory.TryRemove(key, written, outageContinues), token).ConfigureAwait(false);
    }

    /// <summary>Stops the background loop, waits for it, and closes the Redis connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await supervisor.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation; that is the normal way out.
        }

        var current = link;
        link = null;
        if (current is not null)
        {
            Retire(current);
        }

        await DisposeRetiredAsync().ConfigureAwait(false);
        stopping.Dispose();
        memory.Dispose();
        metrics.Dispose();
    }

    /// <summary>Same as <see cref="DisposeAsync"/>, for containers that dispose synchronously.</summary>
    public void Dispose() =>
        // A synchronous Dispose has to wait for the loop somehow; the loop never needs this thread to finish.
        DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Not inlined: the state machine's start inlined into GetAsync made the memory path carry its frame and bookkeeping.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<byte[]?> GetFromRedisAsync(RedisLink current, string key, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        Task? call = null;
        try
        {
            var read = RedisEntryStore.ReadAsync(current.Database, key);
            call = read;
            byte[]? data;
            bool sliding;
            // Bounded by SE.Redis's AsyncTimeout; see SetAsync.
            using (var stored = await read.WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                data = RedisEntryStore.Decode(stored, out sliding);
            }

            if (sliding)
            {
                // A sliding entry needs a second round trip to slide its expiry; both share one OperationTimeout.
                var left = options.OperationTimeout - timeProvider.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }

                var slide = RedisEntryStore.SlideAsync(current.Database, key, timeProvider.GetUtcNow());
                call = slide;
                await slide.WaitAsync(left, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            ServedByRedis(GetOperation, started);
            return data;
        }
        catch (RedisServerException error) when (RedisEntryStore.IsForeignValue(error))
        {
            // The key holds another type, which another program keeps there: Redis answered, so this read is a miss.
            ServedByRedis(GetOperation, started);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(call);
            throw;
        }
        catch (Exception exception) when (exception is not ArgumentException)
        {
            Observe(call);
            OnRedisFailure(current, GetOperation, exception, write: false);
        }

        var value = memory.Get(key);
        ServedFromMemory(GetOperation, started);
        return value;
    }

    private void ServedByRedis(string operation, long started)
    {
        OnRedisSuccess();
        metrics.Duration(timeProvider, started, CacheMode.Redis, operation);
    }

    private void ServedFromMemory(string operation, long started)
    {
        metrics.FallbackHit(operation);
        metrics.Duration(timeProvider, started, CacheMode.Memory, operation);
    }

    private T Run<T>(string operation, Func<IDatabase, T> redis, Func<T> fallback)
    {
        var started = metrics.Start(timeProvider);
        var current = link;
        if (current is not null)
        {
            try
            {
                // The synchronous API waits at most SyncTimeout, which is set to OperationTimeout.
                var result = redis(current.Database);
                ServedByRedis(operation, started);
                return result;
            }
            catch (Exception exception) when (exception is not ArgumentException)
            {
                OnRedisFailure(current, operation, exception, write: false);
            }
        }

        var value = fallback();
        ServedFromMemory(operation, started);
        return value;
    }

    private async Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> redis, Func<T> fallback, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = metrics.Start(timeProvider);
        var current = link;
        if (current is not null)
        {
            Task<T>? call = null;
            try
            {
                call = redis(current.Database);
                var result = await call.WaitAsync(cancellationToken).ConfigureAwait(false);
                ServedByRedis(operation, started);
                return result;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Observe(call);
                throw;
            }
            catch (Exception exception) when (exception is not ArgumentException)
            {
                Observe(call);
                OnRedisFailure(current, operation, exception, write: false);
            }
        }

        var value = fallback();
        ServedFromMemory(operation, started);
        return value;
    }

    /// <summary>
    /// A write: to Redis while it is in use, else to the outage's memory. A write that fails on a connection recovery has
    /// already replaced goes to the new one; a memory write that finds Redis back (the store refuses it) goes to Redis.
    /// </summary>
    private void Write(string operation, Func<IDatabase, bool> redis, Func<bool> tryMemory)
    {
        var started = metrics.Start(timeProvider);
        while (true)
        {
            var current = link;
            if (current is null)
            {
                if (tryMemory())
                {
                    ServedFromMemory(operation, started);
                    return;
                }

                continue;
            }

            try
            {
                // The synchronous API waits at most SyncTimeout, which is set to OperationTimeout.
                redis(current.Database);
                ServedByRedis(operation, started);
                return;
            }
            catch (Exception exception) when (exception is not ArgumentException)
            {
                OnRedisFailure(current, operation, exception, write: true);
            }
        }
    }

    /// <summary>The asynchronous <see cref="Write"/>.</summary>
    private async Task WriteAsync(string operation, Func<IDatabase, Task<bool>> redis, Func<bool> tryMemory, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = metrics.Start(timeProvider);
        while (true)
        {
            var current = link;
            if (current is null)
            {
                if (tryMemory())
                {
                    ServedFromMemory(operation, started);
                    return;
                }

                continue;
            }

            Task? call = null;
            try
            {
                call = redis(current.Database);
                await call.WaitAsync(cancellationToken).ConfigureAwait(false);
                ServedByRedis(operation, started);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Observe(call);
                throw;
            }
            catch (Exception exception) when (exception is not ArgumentException)
            {
                Observe(call);
                OnRedisFailure(current, operation, exception, write: true);
            }
        }
    }

    // A call we stopped waiting for may still fail later; observe it so it does not surface as an unobserved task exception.
    private static void Observe(Task? call) =>
        call?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private void OnRedisSuccess()
    {
        if (Volatile.Read(ref consecutiveFailures) != 0)
        {
            Interlocked.Exchange(ref consecutiveFailures, 0);
        }
    }

    private void OnRedisFailure(RedisLink failed, string operation, Exception exception, bool write)
    {
        var description = Describe(operation, exception);
        Log.RedisCallFailed(logger, operation, failed.Endpoint, description);

        // A failed write is kept only in memory, and memory is only read while the circuit is open: open it at once, or the write would be invisible.
        if (write || Interlocked.Increment(ref consecutiveFailures) >= options.FailureThreshold)
        {
            Open(failed, write ? $"{description}; a write cannot wait" : description);
        }
    }

    private string Describe(string operation, Exception exception) => exception switch
    {
        TimeoutException or RedisTimeoutException => $"{operation} got no reply within {options.OperationTimeout.TotalMilliseconds:0} ms",
        RedisConnectionException connection => $"{operation} failed: connection {connection.FailureType}",
        ObjectDisposedException => $"{operation} failed: connection closed",
        _ => $"{operation} failed: {exception.GetType().Name}",
    };

    private void Open(RedisLink failed, string why)
    {
        if (!ReferenceEquals(link, failed))
        {
            return;
        }

        lock (gate)
        {
            if (!ReferenceEquals(link, failed))
            {
                return;
            }

            link = null;
            Interlocked.Exchange(ref consecutiveFailures, 0);
            Retire(failed);
            metrics.Failover();
            Log.FailedOver(logger, failed.Endpoint, why);
            Record(new CacheTransition(CacheMode.Redis, CacheMode.Memory, why, timeProvider.GetUtcNow(), failed.Endpoint.ToString(), failed.RunId));
        }

        Wake();
    }

    /// <summary>Adds a transition and raises <see cref="ModeChanged"/>; called under <see cref="gate"/> so events arrive in order.</summary>
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
                handler(this, arguments);
            }
#pragma warning disable CA1031 // A subscriber's bug must not break the cache or the other subscribers.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.ModeChangedHandlerFailed(logger, exception);
            }
        }
    }
}
