using System.Text.Json.Serialization;
using Heimnetz.Probing;

namespace Heimnetz.Sample.Service.Status;

/// <summary>
/// What <c>GET /status</c> returns (<c>heimnetz.status/1</c>): where the service runs, what discovery found, and how the
/// cache behaves now. Environment and discovery reuse the probe report's sections, so both read alike.
/// Fields may be added, never change meaning.
/// </summary>
public sealed record StatusDocument(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("service")] ServiceSection Service,
    [property: JsonPropertyName("environment")] EnvironmentSection Environment,
    [property: JsonPropertyName("discovery")] StatusDiscoverySection Discovery,
    [property: JsonPropertyName("cache")] StatusCacheSection Cache)
{
    public const string CurrentSchema = "heimnetz.status/1";
}

/// <summary>The process: when it started and for how long it has run.</summary>
public sealed record ServiceSection(
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("uptimeSeconds")] double UptimeSeconds);

/// <summary>
/// How the cache finds Redis: <c>fixed</c> (one configured endpoint), or a discovery mode with the report of the last
/// discovery (null until one ran).
/// </summary>
public sealed record StatusDiscoverySection(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("modeReason")] string ModeReason,
    [property: JsonPropertyName("report")] DiscoverySection? Report);

/// <summary>The cache now: mode (<c>redis</c> or <c>memory</c>), the Redis it uses, why, and its latest transitions, oldest first.</summary>
public sealed record StatusCacheSection(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("endpoint")] string? Endpoint,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("transitions")] IReadOnlyList<StatusTransition> Transitions);

/// <summary>One switch between Redis and memory.</summary>
public sealed record StatusTransition(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("endpoint")] string? Endpoint);
