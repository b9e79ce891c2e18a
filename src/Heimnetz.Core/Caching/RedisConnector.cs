using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>
/// Builds links: the SE.Redis settings, the connect, the PING and the <c>run_id</c> that verify a new link, the health probe
/// of the link in use, and the closing of retired links.
/// </summary>
internal sealed class RedisConnector(HeimnetzCacheOptions options, TimeProvider timeProvider)
{
    private readonly ConcurrentQueue<RedisLink> retired = new();
    private readonly RetiredLinkFence fence = new();
    private volatile bool anyRetired;

    /// <summary>Connects to <paramref name="location"/> and verifies it answers PING and <c>INFO server</c>; throws otherwise.</summary>
    public async Task<RedisLink> ConnectAsync(RedisLocation location, CancellationToken cancellationToken)
    {
        var clientName = fence.NextClientName();
        var configuration = RedisConnectionSettings.For(location, options, clientName);
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

        try
        {
            if (!multiplexer.IsConnected)
            {
                throw new RecoveryException($"connect to {location.Endpoint} failed within {options.ConnectTimeout.TotalMilliseconds:0} ms");
            }

            var database = multiplexer.GetDatabase(options.Database);
            await database.PingAsync().WaitAsync(options.ConnectTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            if (options.Database != 0)
            {
                // PING selects no database; a key command does, so a server without this database is refused here, not on every call.
                await database.KeyExistsAsync("heimnetz:database-check").WaitAsync(options.ConnectTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            var runId = await ReadRunIdAsync(multiplexer, cancellationToken).ConfigureAwait(false);
            return new RedisLink(multiplexer, location, runId, options.Database, options.InstanceName, clientName);
        }
        catch
        {
            await CloseAsync(multiplexer).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Makes sure nothing sent on a retired link can still land after <paramref name="returning"/> took over, so the
    /// write-back that follows is not overwritten by a late write from before the outage: the server closes this cache's
    /// other connections (<see cref="RetiredLinkFence"/>). Null when no link was ever retired (the first connect).
    /// </summary>
    public async Task<FenceOutcome?> FenceRetiredAsync(RedisLink returning, CancellationToken cancellationToken) =>
        !anyRetired
            ? null
            : await fence.CloseOthersAsync(
                returning.Multiplexer,
                returning.ClientName,
                call => call.WaitAsync(options.ConnectTimeout, timeProvider, cancellationToken)).ConfigureAwait(false);

    /// <summary>One PING of the link in use; null when PONG came in time, else why not.</summary>
    public async Task<string?> ProbeAsync(RedisLink current, CancellationToken cancellationToken)
    {
        Task? ping = null;
        try
        {
            ping = current.Database.PingAsync();
            await ping.WaitAsync(options.HealthProbeTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            CacheCallRunner.Observe(ping);
            throw;
        }
#pragma warning disable CA1031 // Whatever the probe hits is a failed probe, counted toward opening the circuit.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CacheCallRunner.Observe(ping);
            return exception is TimeoutException or RedisTimeoutException
                ? $"health probe PING got no reply within {options.HealthProbeTimeout.TotalMilliseconds:0} ms"
                : $"health probe PING failed: {exception.GetType().Name}";
        }
    }

    /// <summary>Queues a link the circuit let go of; it is closed on the supervision loop, never on a caller's thread.</summary>
    public void Retire(RedisLink old)
    {
        if (old.FailedHandler is { } handler)
        {
            old.Multiplexer.ConnectionFailed -= handler;
        }

        anyRetired = true;
        retired.Enqueue(old);
    }

    public async Task CloseRetiredAsync()
    {
        while (retired.TryDequeue(out var old))
        {
            await CloseAsync(old.Multiplexer).ConfigureAwait(false);
        }
    }

    /// <summary>Why a recovery attempt failed, in words for the status and the log.</summary>
    public string Describe(Exception exception) => exception switch
    {
        RecoveryException recoveryFailure => recoveryFailure.Message,
        TimeoutException => $"Redis did not answer PING and INFO within {options.ConnectTimeout.TotalMilliseconds:0} ms",
        RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure } => "authentication failed: a TLS certificate that is not trusted, or a rejected password",
        RedisConnectionException connection => $"connection {connection.FailureType}",
        // SE.Redis refuses a database above the server's 'databases' setting itself when it could read it, else Redis does.
        RedisCommandException or RedisServerException when exception.Message.Contains("database", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("DB index", StringComparison.OrdinalIgnoreCase) =>
            $"Redis refused database {options.Database} (its 'databases' setting is lower)",
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
}
