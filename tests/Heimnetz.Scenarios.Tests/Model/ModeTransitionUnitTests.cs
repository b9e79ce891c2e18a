using Heimnetz.Harness.Scenarios.Model;

namespace Heimnetz.Scenarios.Tests.Model;

[TestFixture]
public sealed class ModeTransitionUnitTests
{
    private static IReadOnlyList<ModeTransition> Path(params string[] modes) =>
        modes.Zip(modes.Skip(1), (from, to) => new ModeTransition(from, to, "because", DateTimeOffset.UnixEpoch)).ToList();

    [Test]
    public void Story_CleanFailover_IsRedisMemoryRedis()
    {
        Assert.That(ModeTransition.Story(Path("redis", "memory", "redis")), Is.EqualTo(new[] { "redis", "memory", "redis" }));
    }

    [Test]
    public void Story_FlapAfterReturn_FoldsIntoOneFailover()
    {
        Assert.That(ModeTransition.Story(Path("redis", "memory", "redis", "memory", "redis")), Is.EqualTo(new[] { "redis", "memory", "redis" }));
    }

    [Test]
    public void Story_NeverReturned_EndsInMemory()
    {
        Assert.That(ModeTransition.Story(Path("redis", "memory", "redis", "memory")), Is.EqualTo(new[] { "redis", "memory" }));
    }

    [Test]
    public void Story_NoTransitions_IsEmpty()
    {
        Assert.That(ModeTransition.Story([]), Is.Empty);
    }
}
