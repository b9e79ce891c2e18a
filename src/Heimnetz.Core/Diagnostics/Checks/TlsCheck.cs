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
                    $"If the server has a tls-port, connect with rediss://{result.Candidate.Endpoint} in {DiscoveryConfigurationKeys.RedisUrlVariable} (or ssl=true in a connection string).");
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
        var (title, remedy) =
            detail.Contains("not trusted", StringComparison.Ordinal) ? (
                $"The TLS certificate of {endpoint} is not trusted",
                $"Give Heimnetz the CA that signed the server's certificate as a PEM file: {DiscoveryConfigurationKeys.TlsCaVariable}=/path/to/ca.pem (or {DiscoveryConfigurationKeys.TlsCaFile}). It is trusted for Redis only; the machine's trust store stays as it is. Check the file with: openssl s_client -connect {endpoint.Host}:{endpoint.Port} -CAfile /path/to/ca.pem")
            : detail.Contains("does not chain to the CA file", StringComparison.Ordinal) ? (
                $"The TLS certificate of {endpoint} is not signed by the configured CA",
                $"Point {DiscoveryConfigurationKeys.TlsCaVariable} / {DiscoveryConfigurationKeys.TlsCaFile} at the CA that signed this server's certificate (the server's tls-ca-cert-file, or its issuer), not at another CA.")
            : detail.Contains("does not name this host", StringComparison.Ordinal) ? (
                $"The TLS certificate of {endpoint} does not name '{endpoint.Host}'",
                "Connect by a name or address the certificate lists (its subjectAltName), or reissue the certificate with this one.")
            : (
                $"{endpoint} does not speak TLS",
                $"The port answers in plain text or not at all to TLS: use redis://{endpoint} instead of rediss://, or point at the server's tls-port.");
        return new Finding(FindingCodes.TlsFailed, CandidateRelevance.Severity(context, result, FindingSeverity.Error), title, observed, remedy);
    }
}
