using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
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
public sealed class ResilientCache : IDistributedCache, IAsyncDisposable, IDisposable
{
    private static readonly Task<byte[]?> NoValue = Task.FromResult<byte[]?>(null);

    private readonly HeimnetzCacheOptions options;
    private readonly TimeProvider timeProvider;
    private readonly OutageStore memory;
    private readonly WriteClock writeClock;
    private readonly Func<bool> outageContinues;
    private readonly CacheMetrics metrics;
    private readonly CacheCircuit<RedisLink> circuit;
    private readonly RedisConnector connector;
    private readonly CacheCallRunner calls;
    private readonly CacheSupervisor supervisor;
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
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        var log = (ILogger?)logger ?? NullLogger.Instance;
        memory = new OutageStore(this.timeProvider);
        writeClock = new WriteClock(this.timeProvider);
        metrics = new CacheMetrics(meterFactory, () => Mode);
        connector = new RedisConnector(options, this.timeProvider);
        circuit = new CacheCircuit<RedisLink>(this, options.FailureThreshold, this.timeProvider, log, Opened);
        outageContinues = () => circuit.Link is null;
        calls = new CacheCallRunner(circuit, metrics, options, this.timeProvider, log);
        supervisor = new CacheSupervisor(locator, connector, circuit, memory, options, this.timeProvider, log);
        supervisor.Start();
    }

    /// <summary>Raised on every switch between Redis and memory; a handler that throws is logged and ignored. Keep handlers quick.</summary>
    public event EventHandler<CacheModeChangedEventArgs>? ModeChanged
    {
        add => circuit.ModeChanged += value;
        remove => circuit.ModeChanged -= value;
    }

    /// <summary>Where calls are served from right now.</summary>
    public CacheMode Mode => circuit.Mode;

    /// <summary>A snapshot of mode, endpoint, reason and the latest transitions.</summary>
    public CacheStatus Status => circuit.Status;

    /// <summary>The meter the instruments live on, for tests that listen to this one cache.</summary>
    internal Meter Meter => metrics.Meter;

    /// <inheritdoc />
    public byte[]? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (circuit.Link is null && !metrics.Listening)
        {
            // An outage with nobody measuring: the read alone, as close to a plain MemoryCache as it gets.
            return memory.Get(key);
        }

        return GetMeasured(key);
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

        if (circuit.Link is not null)
        {
            return GetFromRedisAsync(key, token);
        }

        // Memory mode completes synchronously; the entry keeps its value as a completed task, so this allocates nothing.
        if (!metrics.Listening)
        {
            return memory.TryGetEntry(memory.Current, key)?.ValueTask ?? NoValue;
        }

        var started = metrics.Start(timeProvider);
        var entry = memory.TryGetEntry(memory.Current, key);
        calls.ServedFromMemory("get", started);
        return entry?.ValueTask ?? NoValue;
    }

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        calls.Run<SetCall, bool>(NewSet(key, value, options));
    }

    /// <inheritdoc />
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (key is null || value is null || options is null)
        {
            return Task.FromException(new ArgumentNullException(key is null ? nameof(key) : value is null ? nameof(value) : nameof(options)));
        }

        return token.IsCancellationRequested ? Task.FromCanceled(token) : calls.RunAsync<SetCall, bool>(NewSet(key, value, options), token);
    }

    /// <inheritdoc />
    public void Refresh(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        calls.Run<RefreshCall, RedisResult>(new RefreshCall(memory, key, timeProvider.GetUtcNow()));
    }

    /// <inheritdoc />
    public Task RefreshAsync(string key, CancellationToken token = default) =>
        key is null
            ? Task.FromException(new ArgumentNullException(nameof(key)))
            : calls.RunAsync<RefreshCall, RedisResult>(new RefreshCall(memory, key, timeProvider.GetUtcNow()), token);

    /// <inheritdoc />
    public void Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        calls.Run<RemoveCall, bool>(new RemoveCall(memory, outageContinues, key, writeClock.Next()));
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken token = default) =>
        key is null
            ? Task.FromException(new ArgumentNullException(nameof(key)))
            : calls.RunAsync<RemoveCall, bool>(new RemoveCall(memory, outageContinues, key, writeClock.Next()), token);

    /// <summary>Stops the background loop, waits for it, and closes the Redis connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await supervisor.DisposeAsync().ConfigureAwait(false);
        if (circuit.Detach() is { } current)
        {
            connector.Retire(current);
        }

        await connector.CloseRetiredAsync().ConfigureAwait(false);
        memory.Dispose();
        metrics.Dispose();
    }

    /// <summary>Same as <see cref="DisposeAsync"/>, for containers that dispose synchronously.</summary>
    public void Dispose() =>
        // A synchronous Dispose has to wait for the loop somehow; the loop never needs this thread to finish.
        DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Not inlined: with the runner's exception handling inside Get, the outage fast path paid for a frame it never uses.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private byte[]? GetMeasured(string key) =>
        calls.Run<GetCall, byte[]?>(new GetCall(memory, key, timeProvider, options.OperationTimeout));

    // Not inlined: the state machine's start inlined into GetAsync made the memory path carry its frame and bookkeeping.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<byte[]?> GetFromRedisAsync(string key, CancellationToken token) =>
        calls.RunAsync<GetCall, byte[]?>(new GetCall(memory, key, timeProvider, options.OperationTimeout), token);

    private SetCall NewSet(string key, byte[] value, DistributedCacheEntryOptions entryOptions)
    {
        var now = timeProvider.GetUtcNow();
        var absolute = ExpirationMath.Absolute(entryOptions, now);
        var timeToLive = ExpirationMath.FirstTimeToLive(absolute, entryOptions.SlidingExpiration, now);
        return new SetCall(memory, outageContinues, key, value, entryOptions, absolute, timeToLive, writeClock.Next());
    }

    /// <summary>The circuit let go of a link: close it on the loop, count the failover, and start recovering at once.</summary>
    private void Opened(RedisLink failed)
    {
        connector.Retire(failed);
        metrics.Failover();
        supervisor.Wake();
    }
}
