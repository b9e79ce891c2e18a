using System.Globalization;
using Heimnetz.Configuration;

namespace Heimnetz.Discovery;

/// <summary>
/// Parses <c>redis://[user:password@]host[:port][/db]</c> and <c>rediss://</c> (TLS) into a candidate.
/// User and password are percent-decoded; every message shows the URL with its credentials replaced by <c>***</c>.
/// </summary>
internal static class RedisUrl
{
    public static RedisCandidate? TryParse(string value, string sourceKey, CandidateSource source, ConfigurationProblems problems)
    {
        var found = new List<string>();
        var candidate = Parse(value, sourceKey, source, found);
        foreach (var problem in found)
        {
            problems.Add(sourceKey, problem);
        }

        return found.Count == 0 ? candidate : null;
    }

    private static RedisCandidate? Parse(string value, string sourceKey, CandidateSource source, List<string> problems)
    {
        var text = value.Trim();
        var redacted = Redact(text);
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            problems.Add($"malformed URL '{redacted}'; expected redis://[user:password@]host[:port][/db] or rediss://...");
            return null;
        }

        var scheme = text[..schemeEnd].ToLowerInvariant();
        var useTls = scheme == "rediss";
        if (scheme != "redis" && !useTls)
        {
            problems.Add($"unknown scheme '{DetailText.Sanitize(text[..schemeEnd], 20)}' in '{redacted}'; expected redis:// or rediss://");
            return null;
        }

        // The last '@' ends the credentials, so an unencoded '@' or '/' inside a password still parses.
        var rest = text[(schemeEnd + 3)..];
        var at = rest.LastIndexOf('@');
        var userInfo = at >= 0 ? rest[..at] : null;
        var hostAndPath = at >= 0 ? rest[(at + 1)..] : rest;

        RedisCredentials? credentials = null;
        if (userInfo is { Length: > 0 } && userInfo != ":")
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                problems.Add($"credentials in '{redacted}' have no ':' between user and password; write redis://:password@host or redis://user:password@host");
            }
            else
            {
                var user = Uri.UnescapeDataString(userInfo[..colon]);
                var password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
                if (password.Length == 0)
                {
                    problems.Add($"empty password in '{redacted}'");
                }
                else
                {
                    credentials = new RedisCredentials(user.Length == 0 ? null : user, password);
                }
            }
        }

        var pathStart = hostAndPath.IndexOfAny(['/', '?', '#']);
        var authority = pathStart >= 0 ? hostAndPath[..pathStart] : hostAndPath;
        var tail = pathStart >= 0 ? hostAndPath[pathStart..] : string.Empty;
        var endpoint = RedisEndpoint.TryParse(Uri.UnescapeDataString(authority), out var endpointProblem);
        if (endpoint is null)
        {
            problems.Add($"{endpointProblem} in '{redacted}'");
        }

        if (tail.Contains('?', StringComparison.Ordinal) || tail.Contains('#', StringComparison.Ordinal))
        {
            problems.Add($"query or fragment in '{redacted}' is not supported; expected redis://[user:password@]host[:port][/db]");
        }
        else if (tail.Length > 1)
        {
            var database = tail[1..];
            if (!int.TryParse(database, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"database '{DetailText.Sanitize(database, 20)}' in '{redacted}' is not a number");
            }
        }

        return endpoint is null ? null : new RedisCandidate(endpoint, credentials, useTls, source, 0, sourceKey);
    }

    /// <summary>The URL with everything before the last '@' after the scheme replaced by <c>***</c>, and any query hidden.</summary>
    public static string Redact(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var prefix = schemeEnd >= 0 ? url[..(schemeEnd + 3)] : string.Empty;
        var rest = schemeEnd >= 0 ? url[(schemeEnd + 3)..] : url;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            rest = "***@" + rest[(at + 1)..];
        }

        var query = rest.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            rest = rest[..query] + rest[query] + "***";
        }

        return DetailText.Sanitize(prefix + rest, 120);
    }
}
