using Heimnetz.Configuration;
using StackExchange.Redis;

namespace Heimnetz.Discovery;

/// <summary>
/// Parses a StackExchange.Redis connection string (<c>host:port,password=...,user=...,ssl=true</c>) into candidates
/// that share its credentials. Endpoints are checked here for clear port and host messages; options go through
/// <see cref="ConfigurationOptions.Parse(string)"/> one at a time, so every bad keyword is reported, not just the first.
/// </summary>
internal static class RedisConnectionString
{
    private const string PasswordKey = "password";

    public static IReadOnlyList<RedisCandidate> Parse(string value, string sourceKey, CandidateSource source, ConfigurationProblems problems)
    {
        var tokens = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var password = tokens.Select(PasswordOf).LastOrDefault(found => found is not null);
        var redacted = string.Join(',', tokens.Select(token => PasswordOf(token) is null ? token : "password=***"));
        var endpoints = new List<RedisEndpoint>();
        var options = new List<string>();
        var failed = false;

        foreach (var token in tokens)
        {
            if (token.Contains('=', StringComparison.Ordinal))
            {
                options.Add(token);
                try
                {
                    ConfigurationOptions.Parse(token);
                }
                catch (ArgumentException error)
                {
                    failed = true;
                    problems.Add(sourceKey, $"{Scrub(error.Message, password)} in '{redacted}'");
                }
            }
            else if (RedisEndpoint.TryParse(token, out var problem) is { } endpoint)
            {
                endpoints.Add(endpoint);
            }
            else
            {
                failed = true;
                problems.Add(sourceKey, $"{problem} in '{redacted}'");
            }
        }

        if (endpoints.Count == 0 && !failed)
        {
            problems.Add(sourceKey, $"'{redacted}' names no host:port");
            return [];
        }

        if (failed)
        {
            return [];
        }

        var parsed = options.Count == 0 ? new ConfigurationOptions() : ConfigurationOptions.Parse(string.Join(',', options));
        RedisCredentials? credentials = null;
        if (!string.IsNullOrEmpty(parsed.Password))
        {
            credentials = new RedisCredentials(string.IsNullOrEmpty(parsed.User) ? null : parsed.User, parsed.Password);
        }
        else if (!string.IsNullOrEmpty(parsed.User))
        {
            problems.Add(sourceKey, $"user '{DetailText.Sanitize(parsed.User, 40)}' has no password in '{redacted}'");
            return [];
        }

        return endpoints.Select(endpoint => new RedisCandidate(endpoint, credentials, parsed.Ssl, source, 0, sourceKey)).ToArray();
    }

    private static string? PasswordOf(string token)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && string.Equals(token[..equals].Trim(), PasswordKey, StringComparison.OrdinalIgnoreCase)
            ? token[(equals + 1)..]
            : null;
    }

    // StackExchange.Redis quotes bad values in its messages; a password is never validated, but mask it anyway.
    private static string Scrub(string message, string? password) =>
        DetailText.Sanitize(message.Split(Environment.NewLine)[0].TrimEnd('.'), 160, password);
}
