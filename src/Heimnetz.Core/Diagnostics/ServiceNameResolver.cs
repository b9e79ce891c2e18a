using System.Net;
using System.Net.Sockets;
using Heimnetz.Discovery;

namespace Heimnetz.Diagnostics;

/// <summary>Resolves the compose service names the candidate catalog tries, each bounded in time.</summary>
internal static class ServiceNameResolver
{
    /// <summary>The service names the built-in catalog probes inside a container.</summary>
    public static IReadOnlyList<string> ComposeServiceNames { get; } = ["redis", "redis-dev"];

    /// <summary>How long one name gets; longer than discovery's connect timeout, because a slow resolver is itself a finding.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static async Task<IReadOnlyList<NameResolution>> ResolveAsync(IEnumerable<string> names, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        return await Task.WhenAll(names.Select(name => ResolveOneAsync(name, timeProvider, cancellationToken))).ConfigureAwait(false);
    }

    private static async Task<NameResolution> ResolveOneAsync(string name, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var scope = new TimeoutScope(Timeout, timeProvider, cancellationToken);
        var lookup = Dns.GetHostAddressesAsync(name, scope.Token);
        try
        {
            var addresses = await lookup.WaitAsync(scope.Token).ConfigureAwait(false);
            return new NameResolution(name, [.. addresses.Select(address => address.ToString())], addresses.Length == 0 ? "resolved to no address" : null);
        }
        catch (SocketException error)
        {
            return new NameResolution(name, [], $"does not resolve ({error.SocketErrorCode})");
        }
        catch (OperationCanceledException) when (scope.TimedOut)
        {
            _ = lookup.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return new NameResolution(name, [], $"no answer within {Timeout.TotalSeconds:0} s");
        }
    }
}
