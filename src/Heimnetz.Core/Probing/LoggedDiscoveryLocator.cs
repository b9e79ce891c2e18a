using Heimnetz.Caching;
using Heimnetz.Discovery;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Probing;

/// <summary>Runs discovery through <see cref="DiscoveryRedisLocator"/> and logs each decision, so the app's log says which Redis was chosen and why.</summary>
internal sealed class LoggedDiscoveryLocator(DiscoveryRedisLocator inner, ILogger logger) : IRedisLocator
{
    /// <summary>The locator that probes; its last report is what was logged.</summary>
    public DiscoveryRedisLocator Inner => inner;

    /// <inheritdoc />
    public async ValueTask<RedisLocation?> LocateAsync(CancellationToken cancellationToken = default)
    {
        var location = await inner.LocateAsync(cancellationToken).ConfigureAwait(false);
        if (inner.LastReport is { } report)
        {
            ProbingLog.Decision(logger, report);
        }

        return location;
    }
}
