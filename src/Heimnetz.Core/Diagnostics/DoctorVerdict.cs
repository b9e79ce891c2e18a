namespace Heimnetz.Diagnostics;

/// <summary>The overall answer: healthy, degraded, broken, or inconclusive.</summary>
public enum DoctorVerdict
{
    /// <summary>No warning and no error, and a Redis is usable (or nothing was probed).</summary>
    Healthy,

    /// <summary>Warnings, or errors while some Redis is still usable.</summary>
    Degraded,

    /// <summary>No usable Redis: the cache would run in memory mode.</summary>
    Broken,

    /// <summary>
    /// No verdict: this process was starved of CPU for most of the time a candidate that decides the answer was
    /// given, so what it would have answered is not known. Better than a false broken; run again with more CPU.
    /// </summary>
    Inconclusive,
}
