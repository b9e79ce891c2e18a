using System.Diagnostics;

namespace Heimnetz.Telemetry;

/// <summary>
/// The one <see cref="ActivitySource"/> of the library and the activities it starts. Each start returns null when
/// nobody listens, so an unobserved app pays one check per discovery, failover or return.
/// </summary>
internal static class HeimnetzActivities
{
    /// <summary>The activity name of one discovery run; its candidates are events named <see cref="CandidateEvent"/>.</summary>
    public const string Discovery = "heimnetz.discovery";

    /// <summary>The event name of one probed candidate on a discovery activity.</summary>
    public const string CandidateEvent = "heimnetz.discovery.candidate";

    /// <summary>The activity name of a switch from Redis to memory.</summary>
    public const string Failover = "heimnetz.cache.failover";

    /// <summary>The activity name of a return from memory to Redis.</summary>
    public const string Return = "heimnetz.cache.return";

    public static ActivitySource Source { get; } = new(HeimnetzTelemetry.ActivitySourceName, typeof(HeimnetzActivities).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the activity of one discovery over <paramref name="candidates"/> candidates.</summary>
    public static Activity? StartDiscovery(int candidates) =>
        Source.StartActivity(Discovery, ActivityKind.Internal)?.SetTag(HeimnetzTelemetry.CandidateCountAttribute, candidates);

    /// <summary>Starts the activity of a failover away from <paramref name="endpoint"/> (host:port, no credentials).</summary>
    public static Activity? StartFailover(string? endpoint, string reason) => StartModeChange(Failover, "memory", endpoint, reason);

    /// <summary>Starts the activity of a return to <paramref name="endpoint"/> (host:port, no credentials).</summary>
    public static Activity? StartReturn(string? endpoint, string reason) => StartModeChange(Return, "redis", endpoint, reason);

    /// <summary>Records one probed candidate on a discovery activity.</summary>
    public static void AddCandidate(this Activity activity, string endpoint, string outcome, string verdict) =>
        activity.AddEvent(new ActivityEvent(CandidateEvent, tags: new ActivityTagsCollection
        {
            [HeimnetzTelemetry.EndpointAttribute] = endpoint,
            [HeimnetzTelemetry.OutcomeAttribute] = outcome,
            [HeimnetzTelemetry.VerdictAttribute] = verdict,
        }));

    private static Activity? StartModeChange(string name, string mode, string? endpoint, string reason)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        activity?.SetTag(HeimnetzTelemetry.CacheModeAttribute, mode)
            .SetTag(HeimnetzTelemetry.EndpointAttribute, endpoint)
            .SetTag(HeimnetzTelemetry.ReasonAttribute, reason);
        return activity;
    }
}
