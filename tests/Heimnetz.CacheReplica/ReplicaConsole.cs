using System.Diagnostics;
using System.Text;
using Heimnetz.Caching;
using Microsoft.Extensions.Caching.Distributed;

namespace Heimnetz.CacheReplica;

/// <summary>
/// Reads one command per line and answers with one line, <c>ok …</c> or <c>error …</c>, so the driving test knows each
/// call ended before it sends the next. A call's answer says where it was served: Redis or Memory when the mode and the
/// number of mode changes were the same before and after it, else Unknown.
/// </summary>
internal sealed class ReplicaConsole(ResilientCache cache, GatedLocator locator, SettlementLog log)
{
    public const string Usage = "expected one of: set <key> <value> | get <key> | remove <key> | mode | wait-mode Redis|Memory | hold | return-now | quit";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly DistributedCacheEntryOptions NoExpiry = new();
    private int transitions;

    public void Watch() => cache.ModeChanged += (_, _) => Interlocked.Increment(ref transitions);

    /// <summary>Answers one command line; null for <c>quit</c>.</summary>
    public async Task<string?> AnswerAsync(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            ["set", var key, var value] => await CallAsync(() => cache.SetAsync(key, Encoding.UTF8.GetBytes(value), NoExpiry), null),
            ["remove", var key] => await CallAsync(() => cache.RemoveAsync(key), null),
            ["get", var key] => await GetAsync(key),
            ["mode"] => $"ok mode={cache.Mode}",
            ["wait-mode", var mode] when Enum.TryParse<CacheMode>(mode, out var wanted) => await WaitModeAsync(wanted),
            ["hold"] => Hold(),
            ["return-now"] => await ReturnNowAsync(),
            ["quit"] => null,
            _ => $"error unknown command '{line}'; {Usage}",
        };
    }

    private async Task<string> GetAsync(string key)
    {
        string? value = null;
        return await CallAsync(async () => value = await cache.GetAsync(key) is { } bytes ? Encoding.UTF8.GetString(bytes) : null, () => value ?? "-");
    }

    private async Task<string> CallAsync(Func<Task> call, Func<string>? value)
    {
        var before = Volatile.Read(ref transitions);
        var modeBefore = cache.Mode;
        await call();
        var modeAfter = cache.Mode;
        var after = Volatile.Read(ref transitions);
        var served = before == after && modeBefore == modeAfter ? modeBefore.ToString() : "Unknown";
        return $"ok served={served} transitions={after}" + (value is null ? string.Empty : $" value={value()}");
    }

    private async Task<string> WaitModeAsync(CacheMode wanted)
    {
        var clock = Stopwatch.StartNew();
        // Status, not Mode: it reads the mode under the cache's transition lock, which a switch holds until its ModeChanged
        // handlers ran, so the answer's count already includes the switch and the next call cannot see it move.
        while (cache.Status.Mode != wanted)
        {
            if (clock.Elapsed > Patience)
            {
                return $"error mode is still {cache.Mode} after {Patience.TotalSeconds} s ({cache.Status.Reason}); expected {wanted}";
            }

            // Traffic helps the cache notice a dead server sooner than its health probe would.
            _ = await cache.GetAsync("replica-probe-traffic");
            await Task.Delay(10);
        }

        return $"ok mode={wanted} transitions={Volatile.Read(ref transitions)}";
    }

    private string Hold()
    {
        locator.Hold();
        return "ok held";
    }

    /// <summary>Lets the cache locate Redis again and answers once it is back on Redis and has settled the outage's changes.</summary>
    private Task<string> ReturnNowAsync()
    {
        var settled = log.Count;
        locator.Open();
        return WaitSettledAsync(settled);
    }

    /// <summary>Answers once the cache is on Redis and has logged its settlement number <paramref name="settlement"/> (0: the first connect).</summary>
    public async Task<string> WaitSettledAsync(int settlement)
    {
        var clock = Stopwatch.StartNew();
        while (cache.Mode != CacheMode.Redis || log[settlement] is null)
        {
            if (clock.Elapsed > Patience)
            {
                return $"error not back on Redis and settled after {Patience.TotalSeconds} s: mode {cache.Mode} ({cache.Status.Reason})";
            }

            await Task.Delay(10);
        }

        return $"ok {log[settlement]}";
    }
}
