using Microsoft.Extensions.Caching.Distributed;

namespace Heimnetz.Caching;

/// <summary>Turns <see cref="DistributedCacheEntryOptions"/> into an absolute expiry and a first time to live, the same way for both stores.</summary>
internal static class ExpirationMath
{
    /// <summary>The absolute expiry (from either absolute form), or null; throws when it is not in the future, as Microsoft's caches do.</summary>
    public static DateTimeOffset? Absolute(DistributedCacheEntryOptions options, DateTimeOffset now)
    {
        if (options.SlidingExpiration is { } sliding && sliding <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), sliding, "The sliding expiration value must be positive.");
        }

        if (options.AbsoluteExpiration is { } absolute && absolute <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(options), absolute, "The absolute expiration value must be in the future.");
        }

        if (options.AbsoluteExpirationRelativeToNow is { } relative)
        {
            if (relative <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), relative, "The relative expiration value must be positive.");
            }

            return now + relative;
        }

        return options.AbsoluteExpiration;
    }

    /// <summary>The first time to live: the sliding window, cut short by the absolute expiry; null when the entry never expires.</summary>
    public static TimeSpan? FirstTimeToLive(DateTimeOffset? absolute, TimeSpan? sliding, DateTimeOffset now)
    {
        TimeSpan? ttl = absolute is { } a ? a - now : null;
        if (sliding is { } s && (ttl is null || s < ttl))
        {
            ttl = s;
        }

        return ttl;
    }
}
