namespace Heimnetz.Caching;

/// <summary>A snapshot of <see cref="ResilientCache"/>: its mode, the Redis it uses, and its latest transitions (oldest first).</summary>
/// <param name="Mode">Where calls are served from now.</param>
/// <param name="Endpoint">The Redis in use (or last used) as <c>host:port</c>, or null when none was ever found.</param>
/// <param name="RunId">The <c>run_id</c> of that Redis, or null when unknown.</param>
/// <param name="Reason">Why the cache is in this mode: the reason of the last transition, or of the last failed recovery attempt.</param>
/// <param name="Transitions">The most recent transitions, oldest first; bounded, so a flapping Redis cannot grow it.</param>
public sealed record CacheStatus(CacheMode Mode, string? Endpoint, string? RunId, string Reason, IReadOnlyList<CacheTransition> Transitions);
