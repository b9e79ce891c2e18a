using Heimnetz.Diagnostics.Remedies;
using Heimnetz.Discovery;

namespace Heimnetz.Diagnostics.Checks;

/// <summary>
/// A TLS handshake that failed: a certificate we do not trust (a private CA), a name it does not list, or TLS spoken to
/// a plain port and plain text to a TLS port. Says which, and the one setting that fixes it.
/// </summary>
internal sealed class TlsCheck : IDoctorCheck
{
    public IEnumerable<Finding> Run(DoctorContext context)
    {
        if (context.Discovery is not { } discovery)
        {
            yield break;
        }

        foreach (var result in discovery.Candidates.Where(result => CandidateRelevance.Meaningful(context, result) && result.Outcome == ProbeOutcome.Unreachable))
        {
            if (result.Candidate.UseTls && result.Detail.StartsWith(TlsDiagnosis.Prefix, StringComparison.Ordinal))
            {
                yield return HandshakeFailed(context, result);
            }
            else if (!result.Candidate.UseTls && result.Detail.Contains(TlsDiagnosis.TlsOnlyPortHint, StringComparison.Ordinal))
            {
                yield return new Finding(
                    FindingCodes.TlsFailed,
                    CandidateRelevance.Severity(context, result, FindingSeverity.Error),
                    $"{result.Candidate.Endpoint} dropped a plain-text connection: it may accept TLS only",
                    [CandidateRelevance.Describe(result), result.Detail],
                    new SetRedisUrl($"rediss://{result.Candidate.Endpoint}", "the port dropped plain text: if the server has a tls-port, speak TLS to it; or ssl=true in a connection string"));
            }
        }
    }

    private static Finding HandshakeFailed(DoctorContext context, CandidateResult result)
    {
        var observed = new List<string> { CandidateRelevance.Describe(result), result.Detail };
        var trust = result.Candidate.TlsTrust;
        observed.Add(trust is null ? "trusted CAs: the machine's trust store" : $"trusted CAs: only those in {trust.CaFile}");
        var endpoint = result.Candidate.Endpoint;
        var detail = result.Detail;
        const string NeedsCa = "needs the CA file that signed the server's certificate";
        const string CaHolder = "you, with the CA file from whoever runs that server";
        var (title, remedy) =
            detail.Contains("not trusted", StringComparison.Ordinal) ? (
                $"The TLS certificate of {endpoint} is not trusted",
                (RemedyAction)new NoAutomaticRemedy($"Give Heimnetz the CA that signed the server's certificate as a PEM file: {DiscoveryConfigurationKeys.TlsCaVariable}=/path/to/ca.pem (or {DiscoveryConfigurationKeys.TlsCaFile}). It is trusted for Redis only; the machine's trust store stays as it is. Check the file with: openssl s_client -connect {endpoint.Host}:{endpoint.Port} -CAfile /path/to/ca.pem", NeedsCa, CaHolder))
            : detail.Contains("does not chain to the CA file", StringComparison.Ordinal) ? (
                $"The TLS certificate of {endpoint} is not signed by the configured CA",
                new NoAutomaticRemedy($"Point {DiscoveryConfigurationKeys.TlsCaVariable} / {DiscoveryConfigurationKeys.TlsCaFile} at the CA that signed this server's certificate (the server's tls-ca-cert-file, or its issuer), not at another CA.", NeedsCa, CaHolder))
            : detail.Contains("does not name this host", StringComparison.Ordinal) ? (
                $"The TLS certificate of {endpoint} does not name '{endpoint.Host}'",
                new NoAutomaticRemedy("Connect by a name or address the certificate lists (its subjectAltName), or reissue the certificate with this one.", "the certificate names other hosts", "whoever issues that server's certificate"))
            : (
                $"{endpoint} does not speak TLS",
                new SetRedisUrl($"redis://{endpoint}", "the port answers in plain text or not at all to TLS; or point at the server's tls-port with rediss://"));
        return new Finding(FindingCodes.TlsFailed, CandidateRelevance.Severity(context, result, FindingSeverity.Error), title, observed, remedy);
    }
}
