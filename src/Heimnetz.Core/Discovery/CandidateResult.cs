namespace Heimnetz.Discovery;

/// <summary>
/// What probing one candidate found: outcome, how long it took, a sanitized detail, the server's identity when it
/// answered as Redis, and the verdict (chosen, or why it lost).
/// </summary>
public sealed record CandidateResult(
    RedisCandidate Candidate,
    ProbeOutcome Outcome,
    TimeSpan Latency,
    string Detail,
    ServerIdentity? Server)
{
    /// <summary>Why this candidate was or was not chosen, e.g. "lower priority than redis:6379".</summary>
    public string Verdict { get; init; } = string.Empty;

    /// <summary>False when the probe was stopped before it ended on its own (the budget ran out, or the choice was already certain).</summary>
    public bool Finished { get; init; } = true;

    /// <summary>True when the outcome came from a timeout expiring (not from an answer, a reset or a lookup error).</summary>
    public bool TimedOut { get; init; }

    /// <summary>How many times the candidate was probed: a timeout is tried once more within the budget before it counts.</summary>
    public int Attempts { get; init; } = 1;
}
