using System.Globalization;
using StackExchange.Redis;

namespace Heimnetz.Caching;

/// <summary>
/// Gives every connection a cache makes a name of its own, and at a return, before anything is written back, has the server
/// drop every other connection of this cache. A write that timed out on a retired connection may still be on its way to the
/// server (its bytes had left the process); a Redis client that the server has closed can no longer apply it, so it cannot
/// land over what the return settles. Bytes the server had already read were applied before the fence, and the
/// write-back's compare-and-set orders against them.
/// </summary>
internal sealed class RetiredLinkFence
{
    private readonly string prefix = string.Create(CultureInfo.InvariantCulture, $"heimnetz-{Random.Shared.Next():x8}-");
    private long sequence;

    /// <summary>The client name (<c>CLIENT SETNAME</c>) for the next connection: the cache's prefix and a number.</summary>
    public string NextClientName() => prefix + Interlocked.Increment(ref sequence).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Closes, on the server behind <paramref name="current"/>, every client of this cache except <paramref name="current"/>'s
    /// own. Returns how many it closed, or why the server did not let it look (an ACL user without <c>+client</c>, a renamed
    /// command): then a timed-out write from before the outage can still land after the return, which the caller logs.
    /// </summary>
    public async Task<FenceOutcome> CloseOthersAsync(ConnectionMultiplexer current, string currentName, Func<Task, Task> bounded)
    {
        var server = current.GetServer(current.GetEndPoints()[0]);
        ClientInfo[] clients;
        try
        {
            var listing = server.ClientListAsync();
            await bounded(listing).ConfigureAwait(false);
            clients = await listing.ConfigureAwait(false);
        }
        catch (RedisServerException refused)
        {
            return FenceOutcome.NotPermitted(FirstWord(refused.Message));
        }

        var closed = 0;
        foreach (var client in clients)
        {
            if (client.Name is not { } name || !name.StartsWith(prefix, StringComparison.Ordinal) || name == currentName)
            {
                continue;
            }

            try
            {
                var kill = server.ClientKillAsync(id: client.Id, skipMe: true);
                await bounded(kill).ConfigureAwait(false);
                closed += (int)await kill.ConfigureAwait(false);
            }
            catch (RedisServerException refused)
            {
                return FenceOutcome.NotPermitted(FirstWord(refused.Message));
            }
        }

        return FenceOutcome.Closed(closed);
    }

    // The error's code (NOPERM, ERR) and nothing the server echoed back of the request.
    private static string FirstWord(string message) => message.Split(' ', 2)[0];
}

/// <summary>What a fence did: how many earlier connections the server closed, or the error code that kept it from looking.</summary>
internal readonly record struct FenceOutcome(int ClosedConnections, string? RefusedWith)
{
    public static FenceOutcome Closed(int count) => new(count, null);

    public static FenceOutcome NotPermitted(string code) => new(0, code);
}
