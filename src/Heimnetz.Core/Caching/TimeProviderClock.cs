using Microsoft.Extensions.Internal;

namespace Heimnetz.Caching;

/// <summary>Lets <c>MemoryCache</c> expire entries on the cache's <see cref="TimeProvider"/>, so a fake clock drives both stores alike.</summary>
internal sealed class TimeProviderClock(TimeProvider timeProvider) : ISystemClock
{
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
}
