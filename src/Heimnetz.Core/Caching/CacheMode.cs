namespace Heimnetz.Caching;

/// <summary>Where <see cref="ResilientCache"/> serves calls from right now.</summary>
public enum CacheMode
{
    /// <summary>The in-memory outage store serves calls, because no Redis answers (or none was found yet).</summary>
    Memory = 0,

    /// <summary>Redis serves calls; memory is not used.</summary>
    Redis = 1,
}
