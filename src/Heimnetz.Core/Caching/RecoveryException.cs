namespace Heimnetz.Caching;

/// <summary>A recovery attempt that failed for a reason we can state plainly; never carries a secret.</summary>
internal sealed class RecoveryException(string message) : Exception(message);
