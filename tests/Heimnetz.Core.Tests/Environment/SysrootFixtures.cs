using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Tests.EnvironmentDetection;

/// <summary>The captured sysroots under Fixtures/sysroots, copied next to the test assembly.</summary>
internal static class SysrootFixtures
{
    public static string PathOf(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "sysroots", name);

    public static Sysroot Open(string name)
    {
        var path = PathOf(name);
        Assert.That(Directory.Exists(path), Is.True, $"fixture sysroot '{name}' is missing at {path}");
        return new Sysroot(path);
    }
}
