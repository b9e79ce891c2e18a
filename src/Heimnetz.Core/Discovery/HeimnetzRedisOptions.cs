using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Discovery;

/// <summary>
/// The <c>Heimnetz:Redis</c> settings of discovery, bound from configuration and settable in code
/// (<c>services.Configure&lt;HeimnetzRedisOptions&gt;(…)</c> after <c>AddHeimnetzCache</c>). The environment variables
/// (<c>REDIS_URL</c>, <c>REDIS_PASSWORD</c>, …) are read beside them from the same configuration; see docs/configuration.md.
/// </summary>
public sealed class HeimnetzRedisOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Heimnetz:Redis";

    /// <summary>A <c>redis://</c> or <c>rediss://</c> URL; probed after <c>REDIS_URL</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Url { get; set; }

    /// <summary>A StackExchange.Redis connection string (<c>host:port,password=…,ssl=true</c>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ConnectionString { get; set; }

    /// <summary><c>host:port</c> entries that replace the built-in catalog; in configuration an array or one comma-separated string.</summary>
    /// <value>The default value is an empty list (the built-in catalog).</value>
    public IList<string> Candidates { get; } = [];

    /// <summary>The ACL user that goes with <see cref="Password"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? User { get; set; }

    /// <summary>The password for candidates that have no credentials of their own; never logged.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Password { get; set; }

    /// <summary>Probe the environment's catalog after the configured endpoints when they do not answer.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool CatalogFallback { get; set; }

    /// <summary>Let <see cref="Password"/> reach the bridge gateway and host aliases too.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool PasswordToHost { get; set; }

    /// <summary>A PEM file with the CA certificate(s) of a <c>rediss://</c> server signed by a private CA.</summary>
    /// <value>The default value is <see langword="null"/> (the machine's trust store).</value>
    public string? TlsCaFile { get; set; }

    /// <summary>Per-candidate DNS and connect timeout; in configuration milliseconds (<c>250</c>) or a TimeSpan.</summary>
    /// <value>The default value is <see langword="null"/> (250 ms).</value>
    public TimeSpan? ConnectTimeout { get; set; }

    /// <summary>Per-candidate handshake timeout.</summary>
    /// <value>The default value is <see langword="null"/> (250 ms).</value>
    public TimeSpan? HandshakeTimeout { get; set; }

    /// <summary>Overall discovery budget.</summary>
    /// <value>The default value is <see langword="null"/> (1 s).</value>
    public TimeSpan? Budget { get; set; }

    /// <summary>What binding could not convert, each naming the key; reported by validation at start, all at once.</summary>
    internal List<string> BindProblems { get; } = [];

    /// <summary>
    /// Binds <paramref name="section"/> (a <c>Heimnetz:Redis</c> section) with the configuration binder, and keeps the
    /// formats the keys had before they were options: a timeout as whole milliseconds, candidates as one comma-separated string.
    /// </summary>
    internal void Bind(IConfigurationSection section)
    {
        try
        {
            section.Bind(this);
        }
        catch (InvalidOperationException error)
        {
            BindProblems.Add(error.Message);
        }

        if (section[nameof(Candidates)] is { Length: > 0 } list)
        {
            Candidates.Clear();
            foreach (var entry in list.Split(',', StringSplitOptions.TrimEntries))
            {
                Candidates.Add(entry);
            }
        }

        ConnectTimeout = Milliseconds(section, nameof(ConnectTimeout)) ?? ConnectTimeout;
        HandshakeTimeout = Milliseconds(section, nameof(HandshakeTimeout)) ?? HandshakeTimeout;
        Budget = Milliseconds(section, nameof(Budget)) ?? Budget;
    }

    /// <summary>
    /// <paramref name="source"/> with these options in place of its <c>Heimnetz:Redis</c> keys, so one parser
    /// (<see cref="DiscoveryConfiguration.From(IConfiguration)"/>) reads and checks both.
    /// </summary>
    internal IConfiguration Over(IConfiguration source)
    {
        static string Span(TimeSpan? value) => value?.ToString("c", CultureInfo.InvariantCulture) ?? string.Empty;
        var keys = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [DiscoveryConfigurationKeys.Url] = Url ?? string.Empty,
            [DiscoveryConfigurationKeys.ConnectionString] = ConnectionString ?? string.Empty,
            [DiscoveryConfigurationKeys.Candidates] = string.Join(',', Candidates),
            [DiscoveryConfigurationKeys.User] = User ?? string.Empty,
            [DiscoveryConfigurationKeys.Password] = Password ?? string.Empty,
            [DiscoveryConfigurationKeys.CatalogFallback] = CatalogFallback ? "true" : string.Empty,
            [DiscoveryConfigurationKeys.PasswordToHost] = PasswordToHost ? "true" : string.Empty,
            [DiscoveryConfigurationKeys.TlsCaFile] = TlsCaFile ?? string.Empty,
            [DiscoveryConfigurationKeys.ConnectTimeout] = Span(ConnectTimeout),
            [DiscoveryConfigurationKeys.HandshakeTimeout] = Span(HandshakeTimeout),
            [DiscoveryConfigurationKeys.Budget] = Span(Budget),
        };
        return new ConfigurationBuilder().AddConfiguration(source).AddInMemoryCollection(keys).Build();
    }

    private static TimeSpan? Milliseconds(IConfigurationSection section, string key) =>
        int.TryParse(section[key], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) ? TimeSpan.FromMilliseconds(milliseconds) : null;
}
