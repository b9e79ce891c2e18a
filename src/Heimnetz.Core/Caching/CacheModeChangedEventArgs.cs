namespace Heimnetz.Caching;

/// <summary>Raised by <see cref="ResilientCache.ModeChanged"/> when the cache switches between Redis and memory.</summary>
public sealed class CacheModeChangedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments from the transition they announce.</summary>
    public CacheModeChangedEventArgs(CacheTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        Transition = transition;
    }

    /// <summary>The transition as recorded in <see cref="CacheStatus.Transitions"/>.</summary>
    public CacheTransition Transition { get; }

    /// <summary>The mode before the change.</summary>
    public CacheMode OldMode => Transition.From;

    /// <summary>The mode after the change.</summary>
    public CacheMode NewMode => Transition.To;

    /// <summary>Why the cache switched.</summary>
    public string Reason => Transition.Reason;

    /// <summary>When the cache switched, from its <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp => Transition.Timestamp;

    /// <summary>The Redis endpoint involved as <c>host:port</c> (never with credentials), or null.</summary>
    public string? Endpoint => Transition.Endpoint;

    /// <summary>The <c>run_id</c> of the Redis involved, or null when unknown.</summary>
    public string? RunId => Transition.RunId;
}
