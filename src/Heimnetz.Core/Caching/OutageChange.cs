namespace Heimnetz.Caching;

/// <summary>
/// The last change an outage made to one key: the entry written (null for a removal) and its write time (Unix µs, see
/// <see cref="WriteClock"/>); the time of the outage's latest removal of the key, even when a write followed it (Discard
/// drops the write but keeps the removal); and whether it changed since a replay last looked at it.
/// </summary>
internal sealed record OutageChange(OutageEntry? Entry, long Written, long? RemovedAt, bool Dirty);
