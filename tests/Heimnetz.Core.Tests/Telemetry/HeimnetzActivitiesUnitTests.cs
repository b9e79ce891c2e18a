using System.Diagnostics;
using Heimnetz.Telemetry;

namespace Heimnetz.Tests.Telemetry;

/// <summary>The helper the cache's failover and return start their activities with.</summary>
[TestFixture]
[NonParallelizable] // an ActivityListener sees every activity of the process
public sealed class HeimnetzActivitiesUnitTests
{
    [Test]
    public void StartFailover_Listened_IsOnTheHeimnetzSourceWithModeEndpointAndReason()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Heimnetz",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using var activity = HeimnetzActivities.StartFailover("redis:6379", "2 reads timed out");

        Assert.Multiple(() =>
        {
            Assert.That(activity?.Source.Name, Is.EqualTo(HeimnetzTelemetry.ActivitySourceName));
            Assert.That(activity?.OperationName, Is.EqualTo("heimnetz.cache.failover"));
            Assert.That(activity?.GetTagItem("heimnetz.cache.mode"), Is.EqualTo("memory"));
            Assert.That(activity?.GetTagItem("heimnetz.redis.endpoint"), Is.EqualTo("redis:6379"));
            Assert.That(activity?.GetTagItem("heimnetz.cache.reason"), Is.EqualTo("2 reads timed out"));
        });
    }

    [Test]
    public void StartReturn_NobodyListens_IsNull() =>
        Assert.That(HeimnetzActivities.StartReturn("redis:6379", "PONG"), Is.Null);
}
