namespace Heimnetz.Caching;

/// <summary>What <see cref="ResilientCache"/> does with the writes it kept in memory when Redis answers again.</summary>
public enum ReturnPolicy
{
    /// <summary>
    /// Redis is the truth for values: everything written only to memory during the outage is dropped and never served again.
    /// Removals are kept: the outage's latest removal of a key is replayed, unless Redis holds a later write.
    /// </summary>
    Discard = 0,

    /// <summary>
    /// The outage's last change to each key is replayed to Redis (values with their remaining time to live, removals as
    /// tombstones), unless Redis holds a write made later, by this or another instance.
    /// </summary>
    WriteBack = 1,
}
