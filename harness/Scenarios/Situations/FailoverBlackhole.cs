using Heimnetz.Harness.Fixtures.Nodes;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>Redis freezes (paused: connections stay open, nothing answers) and thaws: the case no socket error reveals.</summary>
public sealed class FailoverBlackhole : FailoverDrill
{
    public override string Name => "failover-blackhole";

    public override string Situation => "While the app caches, Redis is paused (a black hole: no reply, no reset) and later unpaused.";

    protected override Task BreakAsync(RedisNode redis, CancellationToken cancellationToken) => redis.PauseAsync(cancellationToken);

    protected override Task RestoreAsync(RedisNode redis, CancellationToken cancellationToken) => redis.UnpauseAsync(cancellationToken);
}
