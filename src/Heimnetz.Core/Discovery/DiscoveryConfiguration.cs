using System.Globalization;
using Heimnetz.Configuration;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Discovery;

/// <summary>
/// Everything discovery takes from configuration, read once and validated once: explicit candidates (highest priority
/// first), an optional list that replaces the built-in catalog, fallback credentials, timeouts and TLS trust.
/// </summary>
/// <param name="Configured">Candidates from <c>REDIS_URL</c> and connection strings, in priority order, each with its own credentials.</param>
/// <param name="ReplacementCandidates">Candidates that replace the built-in catalog, or null to use the catalog.</param>
/// <param name="FallbackCredentials">Credentials (<c>REDIS_PASSWORD</c>) for candidates that have none of their own.</param>
/// <param name="Timeouts">Connect, handshake and overall timeouts.</param>
public sealed record DiscoveryConfiguration(
    IReadOnlyList<RedisCandidate> Configured,
    IReadOnlyList<RedisCandidate>? ReplacementCandidates,
    RedisCredentials? FallbackCredentials,
    DiscoveryTimeouts Timeouts)
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Trust for <c>rediss://</c> candidates signed by a private CA; null means the machine's trust store.</summary>
    public RedisTlsTrust? TlsTrust { get; init; }

    /// <summary>Probe the environment's catalog after the configured candidates (<see cref="DiscoveryConfigurationKeys.CatalogFallback"/>); off by default.</summary>
    public bool CatalogFallback { get; init; }

    /// <summary>Let fallback credentials reach the bridge gateway and host aliases (<see cref="DiscoveryConfigurationKeys.PasswordToHost"/>); off by default.</summary>
    public bool FallbackCredentialsToHost { get; init; }

    /// <summary>True when the user named where Redis is: a URL, a connection string or a candidate list.</summary>
    public bool HasConfiguredEndpoint => Configured.Count > 0 || ReplacementCandidates is { Count: > 0 };

    /// <summary>Which candidates are probed; see <see cref="ScopeReason"/> for why.</summary>
    public CandidateScope Scope => !HasConfiguredEndpoint ? CandidateScope.Environment
        : CatalogFallback ? CandidateScope.ConfiguredThenEnvironment
        : CandidateScope.Configured;

    /// <summary>Why <see cref="Scope"/> applies, naming the settings (never their values).</summary>
    public string ScopeReason => Scope switch
    {
        CandidateScope.Environment => $"nothing is configured ({DiscoveryConfigurationKeys.RedisUrlVariable}, {DiscoveryConfigurationKeys.ConnectionVariable}, {DiscoveryConfigurationKeys.CandidatesVariable}, {DiscoveryConfigurationKeys.NamedConnectionString} and Heimnetz:Redis:* are unset), so the detected environment's catalog is probed",
        CandidateScope.Configured => $"{ConfiguredBy()} is set, so only what it names is probed, at start and on every recovery; {DiscoveryConfigurationKeys.CatalogFallbackVariable}=true would fall back to the environment's catalog",
        _ => $"{ConfiguredBy()} is set and {DiscoveryConfigurationKeys.CatalogFallbackVariable} / {DiscoveryConfigurationKeys.CatalogFallback} is true, so the environment's catalog is probed after it",
    };

    /// <summary>True when a configured endpoint speaks TLS: then no credential leaves in plain text, to anyone.</summary>
    public bool ConfiguredTls => Configured.Any(candidate => candidate.UseTls);

    /// <summary>No configuration: the built-in catalog, no credentials, default timeouts.</summary>
    public static DiscoveryConfiguration Empty { get; } = new([], null, null, DiscoveryTimeouts.Default);

    /// <summary>
    /// Reads every discovery key from <paramref name="configuration"/> (environment variables included, under their
    /// own names). Throws one <see cref="HeimnetzConfigurationException"/> listing every bad value.
    /// </summary>
    public static DiscoveryConfiguration From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new ConfigurationProblems();
        var configured = new List<RedisCandidate>();

        AddUrl(configuration, DiscoveryConfigurationKeys.RedisUrlVariable, CandidateSource.Env, configured, problems);
        AddUrl(configuration, DiscoveryConfigurationKeys.Url, CandidateSource.Config, configured, problems);
        AddConnectionString(configuration, DiscoveryConfigurationKeys.ConnectionVariable, CandidateSource.Env, configured, problems);
        AddConnectionString(configuration, DiscoveryConfigurationKeys.ConnectionString, CandidateSource.Config, configured, problems);
        AddConnectionString(configuration, DiscoveryConfigurationKeys.NamedConnectionString, CandidateSource.Config, configured, problems);

        var replacement = ReadList(configuration, DiscoveryConfigurationKeys.CandidatesVariable, CandidateSource.Env, problems);
        var fromConfig = ReadList(configuration, DiscoveryConfigurationKeys.Candidates, CandidateSource.Config, problems);
        if (fromConfig is not null)
        {
            replacement = [.. replacement ?? [], .. fromConfig];
        }

        var fallback = ReadFallbackCredentials(configuration, problems);
        var timeouts = new DiscoveryTimeouts(
            ReadDuration(configuration, DiscoveryConfigurationKeys.ConnectTimeout, DiscoveryTimeouts.DefaultConnectTimeout, problems),
            ReadDuration(configuration, DiscoveryConfigurationKeys.HandshakeTimeout, DiscoveryTimeouts.DefaultHandshakeTimeout, problems),
            ReadDuration(configuration, DiscoveryConfigurationKeys.Budget, DiscoveryTimeouts.DefaultBudget, problems));

        var tlsTrust = ReadTlsTrust(configuration, problems);
        var catalogFallback = ReadSwitch(configuration, DiscoveryConfigurationKeys.CatalogFallbackVariable, DiscoveryConfigurationKeys.CatalogFallback, problems);
        var passwordToHost = ReadSwitch(configuration, DiscoveryConfigurationKeys.PasswordToHostVariable, DiscoveryConfigurationKeys.PasswordToHost, problems);

        problems.ThrowIfAny();
        return new DiscoveryConfiguration(configured, replacement, fallback, timeouts)
        {
            TlsTrust = tlsTrust,
            CatalogFallback = catalogFallback,
            FallbackCredentialsToHost = passwordToHost,
        };
    }

    /// <summary>
    /// Reads the environment variables from <paramref name="source"/> and the <c>Heimnetz:Redis</c> keys from
    /// <paramref name="options"/> (bound options, perhaps changed in code). Throws like <see cref="From(IConfiguration)"/>.
    /// </summary>
    public static DiscoveryConfiguration From(IConfiguration source, HeimnetzRedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return From(options.Over(source));
    }

    /// <summary>
    /// Reads only the TLS CA file (<see cref="DiscoveryConfigurationKeys.TlsCaVariable"/>, else
    /// <see cref="DiscoveryConfigurationKeys.TlsCaFile"/>), for a cache with a fixed endpoint; null when neither is set.
    /// Throws <see cref="HeimnetzConfigurationException"/> when the file is missing, unreadable or holds no certificate.
    /// </summary>
    public static RedisTlsTrust? ReadTlsTrust(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new ConfigurationProblems();
        var trust = ReadTlsTrust(configuration, problems);
        problems.ThrowIfAny();
        return trust;
    }

    /// <summary>Shows what is configured without any password.</summary>
    public override string ToString() =>
        $"configured [{string.Join(", ", Configured.Select(candidate => candidate.Endpoint))}], " +
        $"replacement [{(ReplacementCandidates is null ? "none" : string.Join(", ", ReplacementCandidates.Select(candidate => candidate.Endpoint)))}], " +
        $"fallback credentials {(FallbackCredentials is null ? "none" : FallbackCredentials.ToString())}, {Timeouts}, " +
        $"{(TlsTrust is null ? "TLS trust from the machine's store" : TlsTrust.ToString())}, scope {Scope}";

    private string ConfiguredBy()
    {
        var keys = Configured.Select(candidate => candidate.Reason)
            .Concat((ReplacementCandidates ?? []).Select(candidate => candidate.Reason))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return string.Join(" and ", keys);
    }

    private static bool ReadSwitch(IConfiguration configuration, string variable, string key, ConfigurationProblems problems)
    {
        var (source, text) = Value(configuration, variable) is { } fromEnvironment ? (variable, fromEnvironment) : (key, Value(configuration, key));
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        problems.Add(source, $"'{DetailText.Sanitize(text.Trim(), 40)}' is not a switch; expected true or false");
        return false;
    }

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static void AddUrl(IConfiguration configuration, string key, CandidateSource source, List<RedisCandidate> into, ConfigurationProblems problems)
    {
        if (Value(configuration, key) is { } value && RedisUrl.TryParse(value, key, source, problems) is { } candidate)
        {
            into.Add(candidate);
        }
    }

    private static void AddConnectionString(IConfiguration configuration, string key, CandidateSource source, List<RedisCandidate> into, ConfigurationProblems problems)
    {
        if (Value(configuration, key) is { } value)
        {
            into.AddRange(RedisConnectionString.Parse(value, key, source, problems));
        }
    }

    private static List<RedisCandidate>? ReadList(IConfiguration configuration, string key, CandidateSource source, ConfigurationProblems problems)
    {
        // A comma-separated string (environment variable) or an array section (JSON: "Candidates": ["a:1", "b:2"]).
        var section = configuration.GetSection(key);
        string[] entries;
        if (section.Value is { } text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            entries = text.Split(',', StringSplitOptions.TrimEntries);
        }
        else
        {
            entries = [.. section.GetChildren().Select(child => child.Value ?? string.Empty)];
            if (entries.Length == 0)
            {
                return null;
            }
        }

        var candidates = new List<RedisCandidate>();
        foreach (var entry in entries)
        {
            if (RedisEndpoint.TryParse(entry, out var problem) is { } endpoint)
            {
                candidates.Add(new RedisCandidate(endpoint, null, false, source, 0, key));
            }
            else
            {
                problems.Add(key, entry.Trim().Length == 0 ? "empty entry (expected host:port[,host:port...])" : $"{problem} in '{DetailText.Sanitize(entry.Trim(), 80)}'");
            }
        }

        return candidates;
    }

    private static RedisCredentials? ReadFallbackCredentials(IConfiguration configuration, ConfigurationProblems problems)
    {
        var password = Value(configuration, DiscoveryConfigurationKeys.PasswordVariable) ?? Value(configuration, DiscoveryConfigurationKeys.Password);
        var (userKey, user) = Value(configuration, DiscoveryConfigurationKeys.UserVariable) is { } fromEnvironment
            ? (DiscoveryConfigurationKeys.UserVariable, fromEnvironment)
            : (DiscoveryConfigurationKeys.User, Value(configuration, DiscoveryConfigurationKeys.User));
        if (password is null)
        {
            if (user is not null)
            {
                problems.Add(userKey, $"user '{DetailText.Sanitize(user, 40)}' has no password; set {DiscoveryConfigurationKeys.PasswordVariable} or {DiscoveryConfigurationKeys.Password} too");
            }

            return null;
        }

        return new RedisCredentials(user, password);
    }

    private static RedisTlsTrust? ReadTlsTrust(IConfiguration configuration, ConfigurationProblems problems)
    {
        var (key, path) = Value(configuration, DiscoveryConfigurationKeys.TlsCaVariable) is { } fromEnvironment
            ? (DiscoveryConfigurationKeys.TlsCaVariable, fromEnvironment)
            : (DiscoveryConfigurationKeys.TlsCaFile, Value(configuration, DiscoveryConfigurationKeys.TlsCaFile));
        return path is null ? null : RedisTlsTrust.TryLoad(path, key, problems);
    }

    private static TimeSpan ReadDuration(IConfiguration configuration, string key, TimeSpan fallback, ConfigurationProblems problems)
    {
        if (Value(configuration, key) is not { } text)
        {
            return fallback;
        }

        text = text.Trim();
        TimeSpan? parsed = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
        if (parsed is null)
        {
            problems.Add(key, $"'{DetailText.Sanitize(text, 40)}' is not a duration; expected milliseconds (e.g. 250) or a TimeSpan (e.g. 00:00:00.250)");
            return fallback;
        }

        if (parsed <= TimeSpan.Zero || parsed > MaxTimeout)
        {
            problems.Add(key, $"'{DetailText.Sanitize(text, 40)}' is out of range; expected more than 0 and at most {MaxTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            return fallback;
        }

        return parsed.Value;
    }
}
