namespace Heimnetz.Discovery;

/// <summary>The names outcomes and sources carry in the probe report (contract: other tools match on them).</summary>
public static class DiscoveryWireNames
{
    /// <summary>The report name of an outcome, e.g. <c>auth-required</c>.</summary>
    public static string ToWireName(this ProbeOutcome outcome) => outcome switch
    {
        ProbeOutcome.Ready => "ready",
        ProbeOutcome.AuthRequired => "auth-required",
        ProbeOutcome.AuthFailed => "auth-failed",
        ProbeOutcome.NotRedis => "not-redis",
        ProbeOutcome.Refused => "refused",
        ProbeOutcome.Timeout => "timeout",
        ProbeOutcome.DnsFailure => "dns-failure",
        ProbeOutcome.Unreachable => "unreachable",
        ProbeOutcome.Inconclusive => "inconclusive",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown probe outcome."),
    };

    /// <summary>The report name of a source: <c>default</c>, <c>config</c> or <c>env</c>.</summary>
    public static string ToWireName(this CandidateSource source) => source switch
    {
        CandidateSource.Default => "default",
        CandidateSource.Config => "config",
        CandidateSource.Env => "env",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown candidate source."),
    };

    /// <summary>The report name of a candidate scope: <c>environment</c>, <c>configured</c> or <c>configured-then-environment</c>.</summary>
    public static string ToWireName(this CandidateScope scope) => scope switch
    {
        CandidateScope.Environment => "environment",
        CandidateScope.Configured => "configured",
        CandidateScope.ConfiguredThenEnvironment => "configured-then-environment",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown candidate scope."),
    };
}
