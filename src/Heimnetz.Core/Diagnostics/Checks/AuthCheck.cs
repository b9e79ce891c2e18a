using Heimnetz.Discovery;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>Redis wants a password we do not have, or rejected the one we have. Never prints a password.</summary>
internal sealed class AuthCheck : IDoctorCheck
{
    public IEnumerable<Finding> Run(DoctorContext context)
    {
        if (context.Discovery is not { } discovery)
        {
            yield break;
        }

        foreach (var result in discovery.Candidates.Where(result => CandidateRelevance.Meaningful(context, result)))
        {
            if (result.Outcome == ProbeOutcome.AuthRequired)
            {
                yield return Required(context, result);
            }
            else if (result.Outcome == ProbeOutcome.AuthFailed)
            {
                yield return Failed(context, result);
            }
        }
    }

    private static Finding Required(DoctorContext context, CandidateResult result)
    {
        var severity = CandidateRelevance.Severity(context, result, FindingSeverity.Error);
        var observed = new[] { CandidateRelevance.Describe(result), result.Detail };
        return result.Detail.Contains("protected mode", StringComparison.OrdinalIgnoreCase)
            ? new Finding(
                FindingCodes.AuthRequired,
                severity,
                $"Redis at {result.Candidate.Endpoint} refuses clients from other hosts (protected mode)",
                observed,
                new NoAutomaticRemedy(
                    "Give the server a password (requirepass) and configure it here with REDIS_PASSWORD or REDIS_URL=redis://:<password>@host:6379; turning protected-mode off without a password exposes the server.",
                    "the server's configuration must change",
                    "whoever runs that Redis server"))
            : new Finding(
                FindingCodes.AuthRequired,
                severity,
                $"Redis at {result.Candidate.Endpoint} requires a password and none is configured",
                observed,
                new NoAutomaticRemedy(
                    $"Set {DiscoveryConfigurationKeys.PasswordVariable} (and {DiscoveryConfigurationKeys.UserVariable} for an ACL user), or put it in {DiscoveryConfigurationKeys.RedisUrlVariable}=redis://:<password>@host:6379; in compose pass it from an env file or a secret, not the compose file.",
                    "needs the password",
                    "whoever knows that server's password"));
    }

    private static Finding Failed(DoctorContext context, CandidateResult result)
    {
        var credentials = result.Candidate.Credentials;
        var from = credentials is not null && ReferenceEquals(credentials, context.Configuration.FallbackCredentials)
            ? $"{DiscoveryConfigurationKeys.PasswordVariable} / {DiscoveryConfigurationKeys.Password}"
            : result.Candidate.Reason;
        var observed = new List<string> { CandidateRelevance.Describe(result), result.Detail, $"credentials from {from}{(credentials?.User is { } user ? $", user {user}" : string.Empty)}" };
        return new Finding(
            FindingCodes.AuthFailed,
            CandidateRelevance.Severity(context, result, FindingSeverity.Error),
            $"Redis at {result.Candidate.Endpoint} rejected the configured password",
            observed,
            new NoAutomaticRemedy(
                $"Make the password in {from} match the server's requirepass (or the ACL user's password), and look for a stale value in the environment or an .env file. Doctor never prints the password.",
                "needs the password",
                "whoever knows that server's password"));
    }
}
