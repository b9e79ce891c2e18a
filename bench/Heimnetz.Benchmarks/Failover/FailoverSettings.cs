using System.Globalization;

namespace Heimnetz.Benchmarks.Failover;

/// <summary>How long each phase of one failover run lasts, and the load: every bound is finite so a run always ends.</summary>
/// <param name="Warmup">Load against a healthy Redis before the fault; its calls give the steady-state latency.</param>
/// <param name="Outage">How long Redis stays killed or paused.</param>
/// <param name="ReturnLimit">The longest wait for a client to be back on Redis after Redis answers again.</param>
/// <param name="Drain">The longest wait for calls still in flight when the load stops.</param>
/// <param name="Callers">Concurrent callers, each doing set then get on its own key, then pausing <paramref name="Interval"/>.</param>
/// <param name="Interval">The pause between one caller's set+get pairs.</param>
internal sealed record FailoverSettings(TimeSpan Warmup, TimeSpan Outage, TimeSpan ReturnLimit, TimeSpan Drain, int Callers, TimeSpan Interval)
{
    public static FailoverSettings Full { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), 8, TimeSpan.FromMilliseconds(10));

    public static FailoverSettings Smoke { get; } = new(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(6), 4, TimeSpan.FromMilliseconds(10));

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Callers} callers, set+get then {Interval.TotalMilliseconds:0} ms pause; warm-up {Warmup.TotalSeconds:0.#} s, outage {Outage.TotalSeconds:0.#} s, return wait at most {ReturnLimit.TotalSeconds:0.#} s");
}
