using System.Globalization;
using System.Text.Json;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>What the sample service's <c>GET /status</c> (schema <c>heimnetz.status/1</c>) says about discovery and the cache.</summary>
public sealed record ServiceStatus(string DiscoveryMode, bool Discovered, string? Chosen, string CacheMode, IReadOnlyList<ServiceTransition> Transitions)
{
    public const string Schema = "heimnetz.status/1";

    /// <summary>The document as the service sent it, for checks over everything it said (no secret in it).</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Discovery has run and the cache is where it will stay: on Redis, or in memory because nothing was chosen.</summary>
    public bool Settled => Discovered && (Chosen is null || CacheMode == "redis");

    /// <summary>Parses the body of <c>GET /status</c>; throws <see cref="JsonException"/> naming what is wrong.</summary>
    public static ServiceStatus Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var schema = root.TryGetProperty("schema", out var schemaElement) ? schemaElement.GetString() : null;
        if (schema != Schema)
        {
            throw new JsonException($"Expected a {Schema} document from GET /status, got schema '{schema ?? "(none)"}'.");
        }

        var discovery = root.GetProperty("discovery");
        var report = discovery.GetProperty("report");
        var discovered = report.ValueKind == JsonValueKind.Object;
        var cache = root.GetProperty("cache");
        var transitions = cache.GetProperty("transitions").EnumerateArray()
            .Select(transition => new ServiceTransition(
                transition.GetProperty("from").GetString()!,
                transition.GetProperty("to").GetString()!,
                DateTimeOffset.Parse(transition.GetProperty("at").GetString()!, CultureInfo.InvariantCulture),
                transition.GetProperty("reason").GetString() ?? string.Empty))
            .ToList();
        return new ServiceStatus(
            discovery.GetProperty("mode").GetString()!,
            discovered,
            discovered && report.TryGetProperty("chosen", out var chosen) ? chosen.GetString() : null,
            cache.GetProperty("mode").GetString()!,
            transitions)
        {
            Body = json,
        };
    }
}

/// <summary>One switch of the service's cache between Redis and memory, as <c>/status</c> lists it.</summary>
public sealed record ServiceTransition(string From, string To, DateTimeOffset At, string Reason);
