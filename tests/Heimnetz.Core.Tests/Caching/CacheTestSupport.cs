using System.Text;
using Heimnetz.Caching;
using Heimnetz.Discovery;
using Microsoft.Extensions.Caching.Distributed;

namespace Heimnetz.Tests.Caching;

/// <summary>A locator a test can point somewhere else (or nowhere) while the cache runs, counting how often it was asked.</summary>
internal sealed class SwitchableLocator(RedisLocation? location) : IRedisLocator
{
    private RedisLocation? location = location;
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public void PointTo(RedisLocation? next) => Volatile.Write(ref location, next);

    public ValueTask<RedisLocation?> LocateAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref calls);
        return ValueTask.FromResult(Volatile.Read(ref location));
    }
}

internal static class CacheTestSupport
{
    /// <summary>Generous on purpose: this machine is shared and slow; the tests check behaviour, never speed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static RedisLocation Loopback(int port, string? password = null) =>
        new(new RedisEndpoint("127.0.0.1", port), password is null ? null : new RedisCredentials(null, password));

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);

    public static DistributedCacheEntryOptions NoExpiry => new();

    /// <summary>Polls until <paramref name="condition"/> holds, calling <paramref name="poke"/> between polls (cache traffic helps detection).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, Func<Task>? poke = null, Func<string>? explain = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {Patience.TotalSeconds} s for: {what}. {explain?.Invoke()}");
            }

            if (poke is not null)
            {
                await poke();
            }

            await Task.Delay(10);
        }
    }

    public static Task WaitForModeAsync(ResilientCache cache, CacheMode mode) =>
        WaitUntilAsync(() => cache.Mode == mode, $"cache mode {mode}", () => cache.GetAsync("probe-traffic"), () => $"Status: {cache.Status.Mode}, {cache.Status.Reason}");
}
