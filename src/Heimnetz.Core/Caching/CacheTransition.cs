namespace Heimnetz.Caching;

/// <summary>One change of <see cref="CacheMode"/>, with why it happened and which Redis was involved (never its credentials).</summary>
/// <param name="From">The mode before.</param>
/// <param name="To">The mode after.</param>
/// <param name="Reason">Why the cache switched, in words an operator can act on.</param>
/// <param name="Timestamp">When it switched, from the cache's <see cref="TimeProvider"/>.</param>
/// <param name="Endpoint">The Redis endpoint involved as <c>host:port</c>, or null when none was known.</param>
/// <param name="RunId">The <c>run_id</c> of the Redis server involved, or null when unknown.</param>
public sealed record CacheTransition(CacheMode From, CacheMode To, string Reason, DateTimeOffset Timestamp, string? Endpoint, string? RunId);
