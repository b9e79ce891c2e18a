namespace Heimnetz.Discovery;

/// <summary>What probing one candidate found; the wire names are part of the probe report contract.</summary>
public enum ProbeOutcome
{
    /// <summary>Answered as Redis and accepted us (no password needed, or ours was accepted).</summary>
    Ready,

    /// <summary>Answered as Redis and wants credentials this candidate does not have.</summary>
    AuthRequired,

    /// <summary>Answered as Redis and rejected this candidate's credentials.</summary>
    AuthFailed,

    /// <summary>Accepted the connection and answered something that is not a Redis reply.</summary>
    NotRedis,

    /// <summary>Nothing listens on the port (TCP reset).</summary>
    Refused,

    /// <summary>Accepted the connection and did not answer in time.</summary>
    Timeout,

    /// <summary>The host name did not resolve (or not in time).</summary>
    DnsFailure,

    /// <summary>No TCP connection could be made (no route, filtered, or no answer to connect in time).</summary>
    Unreachable,

    /// <summary>
    /// No verdict: the process itself was starved (CPU limit, a saturated machine) for most of the wait, so the peer
    /// never had its full time to answer. Says nothing about the peer.
    /// </summary>
    Inconclusive,
}
