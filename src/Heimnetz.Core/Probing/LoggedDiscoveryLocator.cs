using Heimnetz.Caching;
using Microsoft.Extensions.Logging;

namespace Heimnetz.Probing;

/// <summary>
/// The locator <see cref="ProbePipeline.CreateLocator"/> returns: runs discovery through <see cref="Discovery"/> and logs
/// each decision, so the app's log says which Redis was chosen and why the others lost.
/// </summary>
public sealed class LoggedDiscoveryLocator : IRedisLocator
{
    private readonly ILogger logger;

    internal LoggedDiscoveryLocator(DiscoveryRedisLocator discovery, ILogger logger)
    {
        Discovery = discovery;
        this.logger = logger;
    }

    /// <summary>The locator that probes; its <see cref="DiscoveryRedisLocator.Scope"/> and <see cref="DiscoveryRedisLocator.LastReport"/> describe the decisions.</summary>
    public DiscoveryRedisLocator Discovery { get; }

    /// <inheritdoc />
    public async ValueTask<RedisLocation?> LocateAsync(CancellationToken cancellationToken = default)
    {
        var location = await Discovery.LocateAsync(cancellationToken).ConfigureAwait(false);
        if (Discovery.LastReport is { } report)
        {
            ProbingLog.Decision(logger, report);
        }

        return location;
    }
}
