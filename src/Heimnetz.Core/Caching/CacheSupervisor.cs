using Heimnetz.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Heimnetz.Caching;

/// <summary>
/// The cache's one background loop: probes the link in use, and while the circuit is open finds, connects, verifies and
/// returns to a Redis, retrying through a Polly pipeline with exponential backoff until one answers or the cache is disposed.
/// </summary>
internal sealed class CacheSupervisor : IAsyncDisposable
{
    private readonly IRedisLocator locator;
    private readonly RedisConnector connector;
    private readonly CacheCircuit<RedisLink> circuit;
    private readonly OutageStore memory;
    private readonly OutageWriteBack writeBack;
    private readonly HeimnetzCacheOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly ResiliencePipeline recovery;
    private readonly CancellationTokenSource stopping = new();
    private TaskCompletionSource wakeSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task loop = Task.CompletedTask;

    public CacheSupervisor(IRedisLocator locator, RedisConnector connector, CacheCircuit<RedisLink> circuit, OutageStore memory, HeimnetzCacheOptions options, TimeProvider timeProvider, ILogger logger)
    {
        this.locator = locator;
        this.connector = connector;
        this.circuit = circuit;
        this.memory = memory;
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
        writeBack = new OutageWriteBack(options, timeProvider, logger);
        recovery = BuildRecoveryPipeline();
    }

    public void Start() => loop = Task.Run(() => SuperviseAsync(stopping.Token));

    /// <summary>Ends the wait for the next probe, so an opened circuit starts recovering at once.</summary>
    public void Wake() =>
        Interlocked.Exchange(ref wakeSignal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Stops the loop and waits for it; the loop ends by cancellation, which is the normal way out.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
    }

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
                    var failure = arguments.Outcome.Exception is { } exception ? connector.Describe(exception) : "no answer";
                    circuit.StillOpen(failure);
                    CacheLog.RecoveryAttemptFailed(logger, arguments.AttemptNumber + 1, failure, arguments.RetryDelay.TotalMilliseconds);
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
                await connector.CloseRetiredAsync().ConfigureAwait(false);
                if (circuit.Link is null)
                {
                    await recovery.ExecuteAsync(RecoverOnceAsync, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await WaitForProbeOrWakeAsync(cancellationToken).ConfigureAwait(false);
                if (circuit.Link is { } current)
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
            CacheLog.SupervisorFailed(logger, exception);
        }
    }

    private async Task WaitForProbeOrWakeAsync(CancellationToken cancellationToken)
    {
        var wake = Volatile.Read(ref wakeSignal).Task;
        var delay = Task.Delay(options.HealthProbeInterval, timeProvider, cancellationToken);
        await Task.WhenAny(delay, wake).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task ProbeAsync(RedisLink current, CancellationToken cancellationToken)
    {
        if (await connector.ProbeAsync(current, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            CacheLog.RedisCallFailed(logger, "ping", current.Endpoint, failure);
            circuit.Failed(current, failure, openAtOnce: false);
        }
        else
        {
            circuit.Succeeded();
        }
    }

    private async ValueTask RecoverOnceAsync(CancellationToken cancellationToken)
    {
        await connector.CloseRetiredAsync().ConfigureAwait(false);

        // Ask again every time: Redis may come back at another address (a restarted container), or not at all.
        var location = await locator.LocateAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new RecoveryException("no Redis located");
        var returning = await connector.ConnectAsync(location, cancellationToken).ConfigureAwait(false);

        // The new link is verified; nothing may land from a retired one after the write-back below.
        switch (await connector.FenceRetiredAsync(returning, cancellationToken).ConfigureAwait(false))
        {
            case { RefusedWith: { } code }:
                CacheLog.ReturnFenceRefused(logger, returning.Endpoint, code);
                break;
            case { } fenced:
                CacheLog.RetiredConnectionsClosed(logger, returning.Endpoint, fenced.ClosedConnections);
                break;
        }

        await ReturnAsync(returning, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReturnAsync(RedisLink returning, CancellationToken cancellationToken)
    {
        // The span of the return: the write-back's first pass, the switch and the second pass.
        using var activity = HeimnetzActivities.StartReturn(returning.Endpoint.ToString(), options.ReturnPolicy == ReturnPolicy.WriteBack ? "write-back" : "discard");
        var generation = memory.Current;

        // Before the switch, so reads on Redis see the outage's changes at once. Callers still write to memory meanwhile;
        // a key they change becomes dirty again and the second pass replays it.
        var firstPass = await writeBack.ReplayAsync(returning, generation, [.. generation.Keys], cancellationToken).ConfigureAwait(false);

        returning.FailedHandler = (_, arguments) =>
            circuit.Open(returning, $"connection failed ({arguments.FailureType}) on {returning.Endpoint}");
        returning.Multiplexer.ConnectionFailed += returning.FailedHandler;

        // The link first, then the new generation: a memory write checks the link after entering a generation, so none
        // lands in the new one while Redis is in use (it would be served by the next outage, over newer data).
        circuit.Close(returning, () => memory.Advance(), writeBack.Summary(firstPass, generation.Keys.Count));

        // Calls go to Redis now. The seal waits out the memory writes that began before the switch, so the second pass sees
        // every change the outage made; its compare-and-set keeps whatever callers (or other instances) wrote since.
        generation.Seal();
        var total = firstPass + await writeBack.ReplayAsync(returning, generation, generation.DirtyKeys(), cancellationToken).ConfigureAwait(false);
        writeBack.Completed(returning, total);
        OutageStore.Drop(generation);
    }
}
