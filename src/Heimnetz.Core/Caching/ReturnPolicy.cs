namespace Heimnetz.Caching;

/// <summary>What <see cref="ResilientCache"/> does with the writes it kept in memory when Redis answers again.</summary>
public enum ReturnPolicy
{
    /// <summary>Redis is the truth: everything written only to memory during the outage is dropped and never served again.</summary>
    Discard = 0,

    /// <summary>Outage writes are replayed to Redis (last writer wins) with their remaining time to live; outage removals become deletes.</summary>
    WriteBack = 1,
}
