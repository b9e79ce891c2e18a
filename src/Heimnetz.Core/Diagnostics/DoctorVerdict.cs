namespace Heimnetz.Diagnostics;

/// <summary>The overall answer: healthy, degraded, or broken.</summary>
public enum DoctorVerdict
{
    /// <summary>No warning and no error, and a Redis is usable (or nothing was probed).</summary>
    Healthy,

    /// <summary>Warnings, or errors while some Redis is still usable.</summary>
    Degraded,

    /// <summary>No usable Redis: the cache would run in memory mode.</summary>
    Broken,
}
