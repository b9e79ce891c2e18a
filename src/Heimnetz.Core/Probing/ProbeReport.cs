using System.Text.Json.Serialization;

namespace Heimnetz.Probing;

/// <summary>
/// The machine-readable result of one probe: where we run, which Redis we found, and how the cache behaves.
/// Its JSON shape (<c>heimnetz.probe/1</c>) is a contract that other tools read: fields may be added, never change meaning.
/// </summary>
public sealed record ProbeReport(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("environment")] EnvironmentSection Environment,
    [property: JsonPropertyName("discovery")] DiscoverySection Discovery,
    [property: JsonPropertyName("cache")] CacheSection Cache)
{
    /// <summary>The schema identifier written into every report.</summary>
    public const string CurrentSchema = "heimnetz.probe/1";
}

/// <summary>Where the probe ran. <see cref="Container"/> is one of docker, podman, kubernetes, containerd, lxc, unknown, none.</summary>
public sealed record EnvironmentSection(
    [property: JsonPropertyName("container")] string Container,
    [property: JsonPropertyName("cgroupVersion")] int? CgroupVersion,
    [property: JsonPropertyName("networkMode")] string NetworkMode,
    [property: JsonPropertyName("defaultGateway")] string? DefaultGateway,
    [property: JsonPropertyName("evidence")] IReadOnlyList<string> Evidence)
{
    /// <summary>Interface addresses seen by the probe, as <c>name=address/prefix</c>.</summary>
    [JsonPropertyName("addresses")]
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>Host aliases found in <c>etc/hosts</c>, as <c>name=address</c>.</summary>
    [JsonPropertyName("hostAliases")]
    public IReadOnlyList<string> HostAliases { get; init; } = [];

    /// <summary>Nameservers from <c>etc/resolv.conf</c>.</summary>
    [JsonPropertyName("nameservers")]
    public IReadOnlyList<string> Nameservers { get; init; } = [];
}

/// <summary>What discovery tried and what it chose. <see cref="Chosen"/> is null when nothing answered as a usable Redis.</summary>
public sealed record DiscoverySection(
    [property: JsonPropertyName("candidates")] IReadOnlyList<CandidateSection> Candidates,
    [property: JsonPropertyName("chosen")] string? Chosen,
    [property: JsonPropertyName("elapsedMs")] double ElapsedMs)
{
    /// <summary>How long this process could not run during discovery; every timeout gave that time back to the peers.</summary>
    [JsonPropertyName("starvedMs")]
    public double StarvedMs { get; init; }

    /// <summary>The longest single stretch this process could not run during discovery.</summary>
    [JsonPropertyName("worstDelayMs")]
    public double WorstDelayMs { get; init; }

    /// <summary>Which candidates were probed: <c>environment</c>, <c>configured</c> or <c>configured-then-environment</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary>Why that mode applies, naming the settings (never their values).</summary>
    [JsonPropertyName("modeReason")]
    public string? ModeReason { get; init; }
}

/// <summary>One probed candidate. Outcome is one of ready, auth-required, auth-failed, not-redis, refused, timeout, dns-failure, unreachable, inconclusive.</summary>
public sealed record CandidateSection(
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("latencyMs")] double? LatencyMs,
    [property: JsonPropertyName("detail")] string Detail)
{
    /// <summary>Why this candidate was on the list, e.g. "compose service name".</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>The server's identity when it answered as Redis.</summary>
    [JsonPropertyName("server")]
    public ServerIdentitySection? Server { get; init; }

    /// <summary>How often it was probed: a timeout is tried once more within the budget before it counts.</summary>
    [JsonPropertyName("attempts")]
    public int Attempts { get; init; } = 1;
}

/// <summary>Who answered: product (redis or valkey), version and run id.</summary>
public sealed record ServerIdentitySection(
    [property: JsonPropertyName("product")] string Product,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("runId")] string? RunId);

/// <summary>How the cache behaves on the chosen endpoint: <c>redis</c> or <c>memory</c>.</summary>
public sealed record CacheSection(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("roundTripMs")] double? RoundTripMs)
{
    /// <summary>Why the cache is in this mode, in one sentence.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
