using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Heimnetz.Discovery.Resp;
using Heimnetz.Starvation;

namespace Heimnetz.Discovery;

/// <summary>
/// Probes one candidate: resolve, connect, optionally TLS, then the RESP handshake <c>PING</c> → (<c>AUTH</c>) →
/// <c>INFO server</c>. Every step has its own timeout and every read is bounded, so a probe always ends.
/// Credentials are sent only after the peer answered <c>PING</c> with a well-formed RESP authentication error,
/// and only this candidate's own credentials.
/// </summary>
internal sealed class CandidateProbe
{
    private static readonly byte[] Ping = RespCommand.Encode("PING");
    private static readonly byte[] InfoServer = RespCommand.Encode("INFO", "server");
    private const string TlsPhase = "TLS handshake";

    private static readonly string[] AuthErrorCodes = ["NOAUTH", "NOPERM", "WRONGPASS"];

    private readonly DiscoveryTimeouts timeouts;
    private readonly TimeProvider timeProvider;

    public CandidateProbe(DiscoveryTimeouts timeouts, TimeProvider timeProvider)
    {
        this.timeouts = timeouts;
        this.timeProvider = timeProvider;
    }

    /// <summary>Probes the candidate; never throws except for a bug, and stops promptly when the token is cancelled.</summary>
    public async Task<CandidateResult> ProbeAsync(RedisCandidate candidate, ILagGauge gauge, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var finding = await FindAsync(candidate, gauge, cancellationToken).ConfigureAwait(false);
        var secret = candidate.Credentials?.Password;
        return new CandidateResult(candidate, finding.Outcome, timeProvider.GetElapsedTime(started), DetailText.Sanitize(finding.Detail, 160, secret), finding.Server)
        {
            Finished = !finding.Stopped,
            TimedOut = finding.TimedOut,
        };
    }

    private StarvationAwareTimeout Timeout(TimeSpan duration, ILagGauge gauge, CancellationToken cancellationToken) =>
        new(duration, DiscoveryTimeouts.Ceiling(duration), timeProvider, gauge, cancellationToken);

    /// <summary>What a timeout that expired says: a plain timeout, or inconclusive when starvation ate the peer's time.</summary>
    private static Finding Expired(StarvationAwareTimeout scope, ProbeOutcome outcome, string detail) =>
        scope.Starved
            ? new Finding(ProbeOutcome.Inconclusive, StarvationText.Inconclusive(scope), TimedOut: true)
            : new Finding(outcome, detail, TimedOut: true);

    private async Task<Finding> FindAsync(RedisCandidate candidate, ILagGauge gauge, CancellationToken cancellationToken)
    {
        var (addresses, dnsFailure) = await ResolveAsync(candidate.Endpoint.Host, gauge, cancellationToken).ConfigureAwait(false);
        if (addresses is null)
        {
            return dnsFailure!;
        }

        var (socket, connectFailure) = await ConnectAsync(addresses, candidate.Endpoint.Port, gauge, cancellationToken).ConfigureAwait(false);
        if (socket is null)
        {
            return connectFailure!;
        }

        using (socket)
        {
            return await HandshakeAsync(candidate, socket, gauge, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(IPAddress[]? Addresses, Finding? Failure)> ResolveAsync(string host, ILagGauge gauge, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return ([literal], null);
        }

        using var scope = Timeout(timeouts.ConnectTimeout, gauge, cancellationToken);
        var lookup = Dns.GetHostAddressesAsync(host, scope.Token);
        try
        {
            // WaitAsync bounds the wait even where the resolver ignores cancellation.
            var addresses = await lookup.WaitAsync(scope.Token).ConfigureAwait(false);
            return addresses.Length == 0
                ? (null, new Finding(ProbeOutcome.DnsFailure, $"'{host}' resolved to no address"))
                : (addresses, null);
        }
        catch (SocketException error)
        {
            return (null, new Finding(ProbeOutcome.DnsFailure, $"'{host}' did not resolve ({error.SocketErrorCode})"));
        }
        catch (OperationCanceledException)
        {
            _ = lookup.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return scope.TimedOut
                ? (null, Expired(scope, ProbeOutcome.DnsFailure, $"'{host}' did not resolve within {Milliseconds(timeouts.ConnectTimeout)}"))
                : (null, new Finding(ProbeOutcome.DnsFailure, "stopped while resolving the name", Stopped: true));
        }
    }

    private async Task<(Socket? Socket, Finding? Failure)> ConnectAsync(IPAddress[] addresses, int port, ILagGauge gauge, CancellationToken cancellationToken)
    {
        using var scope = Timeout(timeouts.ConnectTimeout, gauge, cancellationToken);
        var failures = new List<SocketError>();
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, port, scope.Token).ConfigureAwait(false);
                return (socket, null);
            }
            catch (SocketException error)
            {
                socket.Dispose();
                failures.Add(error.SocketErrorCode);
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                return scope.TimedOut
                    ? (null, Expired(scope, ProbeOutcome.Unreachable, $"no TCP answer within {Milliseconds(timeouts.ConnectTimeout)}"))
                    : (null, new Finding(ProbeOutcome.Unreachable, "stopped while connecting", Stopped: true));
            }
        }

        var tried = string.Join(", ", addresses.Select(address => new IPEndPoint(address, port).ToString()));
        return failures.TrueForAll(error => error == SocketError.ConnectionRefused)
            ? (null, new Finding(ProbeOutcome.Refused, $"connection refused at {tried}"))
            : (null, new Finding(ProbeOutcome.Unreachable, $"connect to {tried} failed ({string.Join(", ", failures.Distinct())})"));
    }

    private async Task<Finding> HandshakeAsync(RedisCandidate candidate, Socket socket, ILagGauge gauge, CancellationToken cancellationToken)
    {
        using var scope = Timeout(timeouts.HandshakeTimeout, gauge, cancellationToken);
        var network = new NetworkStream(socket, ownsSocket: false);
        Stream stream = network;
        RespReader? reader = null;
        FirstBytesStream? tlsTransport = null;
        string? certificateProblem = null;
        var phase = "PING";
        try
        {
            if (candidate.UseTls)
            {
                phase = TlsPhase;
                tlsTransport = new FirstBytesStream(network);
                var tls = new SslStream(tlsTransport, leaveInnerStreamOpen: false);
                stream = tls;
                var options = new SslClientAuthenticationOptions
                {
                    TargetHost = candidate.Endpoint.Host,
                    RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                    {
                        certificateProblem = TlsDiagnosis.CertificateProblem(candidate.TlsTrust, certificate, chain, errors);
                        return certificateProblem is null;
                    },
                };

                // Credentials go out only after this succeeds: AUTH is never sent to a server we could not verify.
                await tls.AuthenticateAsClientAsync(options, scope.Token).ConfigureAwait(false);
                phase = "PING";
            }

            reader = new RespReader(stream, RespLimits.Handshake);
            var pong = await ExchangeAsync(stream, reader, Ping, scope.Token).ConfigureAwait(false);
            var greeting = "PONG";
            if (pong.Kind == RespKind.Error)
            {
                if (!AuthErrorCodes.Contains(pong.ErrorCode, StringComparer.OrdinalIgnoreCase))
                {
                    return pong.ErrorCode.Equals("DENIED", StringComparison.OrdinalIgnoreCase)
                        ? new Finding(ProbeOutcome.AuthRequired, $"Redis refuses us (protected mode): {pong.Text}")
                        : new Finding(ProbeOutcome.Unreachable, $"Redis answered PING with error '{pong.Text}'; not usable now");
                }

                if (candidate.Credentials is not { } credentials)
                {
                    return new Finding(ProbeOutcome.AuthRequired, $"Redis requires authentication ({pong.ErrorCode}); no credentials configured for this candidate");
                }

                phase = "AUTH";
                var auth = await ExchangeAsync(stream, reader, AuthCommand(credentials), scope.Token).ConfigureAwait(false);
                if (auth.Kind == RespKind.Error)
                {
                    // Only the error code: a hostile peer may echo our AUTH arguments in its message.
                    return new Finding(ProbeOutcome.AuthFailed, $"Redis rejected this candidate's credentials ({auth.ErrorCode})");
                }

                if (auth.Kind != RespKind.SimpleString || !string.Equals(auth.Text, "OK", StringComparison.OrdinalIgnoreCase))
                {
                    return new Finding(ProbeOutcome.NotRedis, $"answered AUTH with {Describe(auth)}");
                }

                greeting = "authenticated";
            }
            else if (pong.Kind != RespKind.SimpleString || !string.Equals(pong.Text, "PONG", StringComparison.OrdinalIgnoreCase))
            {
                return new Finding(ProbeOutcome.NotRedis, $"answered PING with {Describe(pong)}");
            }

            phase = "INFO";
            var info = await ExchangeAsync(stream, reader, InfoServer, scope.Token).ConfigureAwait(false);
            if (info.Kind == RespKind.BulkString && info.Text is { } text)
            {
                var identity = ServerIdentity.FromInfo(text);
                return new Finding(ProbeOutcome.Ready, $"{greeting}; {identity}", identity);
            }

            return new Finding(ProbeOutcome.Ready, $"{greeting}; INFO server answered {Describe(info)}, identity unknown");
        }
        catch (Exception error) when (phase == TlsPhase && error is AuthenticationException or IOException)
        {
            return new Finding(ProbeOutcome.Unreachable, TlsDiagnosis.Failure(error, certificateProblem, tlsTransport!));
        }
        catch (RespProtocolException error) when (error.IsEndOfStream)
        {
            if (!candidate.UseTls && phase == "PING" && reader is { BytesReceived: 0 })
            {
                return new Finding(ProbeOutcome.NotRedis, $"closed the connection without answering PING; {TlsDiagnosis.TlsOnlyPortHint}: {TlsDiagnosis.UseRediss}");
            }

            return phase == "AUTH"
                ? new Finding(ProbeOutcome.AuthFailed, "closed the connection after AUTH")
                : reader is { BytesReceived: > 0 }
                    ? new Finding(ProbeOutcome.NotRedis, $"answered '{reader.FirstLine}' and {error.Message}")
                    : new Finding(ProbeOutcome.NotRedis, $"{error.Message} to {phase}");
        }
        catch (RespProtocolException error)
        {
            return new Finding(ProbeOutcome.NotRedis, $"answered '{reader?.FirstLine}' ({error.Message})");
        }
        catch (OperationCanceledException) when (scope.TimedOut && phase == TlsPhase)
        {
            return Expired(scope, ProbeOutcome.Timeout, $"{TlsDiagnosis.Prefix}no reply to the TLS handshake within {Milliseconds(timeouts.HandshakeTimeout)}; a plain (non-TLS) Redis port waits silently: {TlsDiagnosis.UseRedis}");
        }
        catch (OperationCanceledException)
        {
            return scope.TimedOut
                ? Expired(scope, ProbeOutcome.Timeout, $"no complete reply to {phase} within {Milliseconds(timeouts.HandshakeTimeout)}")
                : new Finding(ProbeOutcome.Timeout, $"stopped while waiting for the reply to {phase}", Stopped: true);
        }
        catch (IOException error)
        {
            var code = (error.InnerException as SocketException)?.SocketErrorCode.ToString() ?? error.GetType().Name;
            var hint = !candidate.UseTls && phase == "PING" && reader is { BytesReceived: 0 } ? $"; {TlsDiagnosis.TlsOnlyPortHint}: {TlsDiagnosis.UseRediss}" : string.Empty;
            return new Finding(ProbeOutcome.Unreachable, $"connection failed during {phase} ({code}){hint}");
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            await network.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<RespValue> ExchangeAsync(Stream stream, RespReader reader, byte[] command, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    private static byte[] AuthCommand(RedisCredentials credentials) =>
        credentials.User is { } user
            ? RespCommand.Encode("AUTH", user, credentials.Password)
            : RespCommand.Encode("AUTH", credentials.Password);

    private static string Describe(RespValue value) => value.Kind switch
    {
        RespKind.SimpleString => $"'+{value.Text}'",
        RespKind.Error => $"error '{value.Text}'",
        RespKind.Integer => string.Create(CultureInfo.InvariantCulture, $"integer {value.Integer}"),
        RespKind.BulkString => $"bulk string '{value.Text}'",
        RespKind.Array => string.Create(CultureInfo.InvariantCulture, $"an array of {value.Items?.Count ?? 0}"),
        _ => "null",
    };

    private static string Milliseconds(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms");

    // TimedOut: the outcome came from a timeout expiring, so one more attempt may be worth it.
    private sealed record Finding(ProbeOutcome Outcome, string Detail, ServerIdentity? Server = null, bool Stopped = false, bool TimedOut = false);
}
