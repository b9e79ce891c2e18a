using Heimnetz.Harness.Fixtures.Nodes;

namespace Heimnetz.Harness.Scenarios.Situations;

/// <summary>Redis is stopped (its connections close) and started again: the cache must go to memory and come back by itself.</summary>
public sealed class FailoverStop : FailoverDrill
{
    public override string Name => "failover-stop";

    public override string Situation => "While the app caches, Redis is stopped and later started again.";

    protected override Task BreakAsync(RedisNode redis, CancellationToken cancellationToken) => redis.StopAsync(cancellationToken);

    protected override Task RestoreAsync(RedisNode redis, CancellationToken cancellationToken) => redis.StartAsync(cancellationToken);
}
