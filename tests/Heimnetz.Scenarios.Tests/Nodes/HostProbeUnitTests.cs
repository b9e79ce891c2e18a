using System.Diagnostics;
using Heimnetz.Harness.Fixtures.Nodes;

namespace Heimnetz.Scenarios.Tests.Nodes;

/// <summary>The app-on-host scenario's probe must not see the developer's own Redis settings.</summary>
[TestFixture]
public sealed class HostProbeUnitTests
{
    // Every way a developer's shell may name their real Redis; values that must never reach a report.
    private static readonly Dictionary<string, string> DeveloperSettings = new()
    {
        ["HEIMNETZ_REDIS_CONNECTION"] = "redis.corp.example:6380,password=hunter2",
        ["HEIMNETZ_REDIS_TLS_CA"] = "/home/dev/ca.pem",
        ["HEIMNETZ_REDIS_CANDIDATES"] = "redis.corp.example:6379",
        ["Heimnetz__Redis__Password"] = "hunter2",
        ["HEIMNETZ__REDIS__ENDPOINT"] = "redis.corp.example:6379",
        ["REDIS_URL"] = "redis://redis.corp.example:6379",
        ["REDIS_USERNAME"] = "dev",
        ["REDIS_PASSWORD"] = "hunter2",
        ["ConnectionStrings__redis"] = "redis.corp.example:6379",
    };

    [Test]
    public async Task RemoveAppSettings_DeveloperRedisSettings_NoneReachesTheProcess()
    {
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (name, value) in DeveloperSettings)
        {
            start.Environment[name] = value;
        }

        start.Environment["HEIMNETZ_SCENARIO_KEEP_ME_NOT"] = "x";
        start.Environment["PATH_FOR_THE_TEST"] = "kept";

        HostProbe.RemoveAppSettings(start.Environment);
        using var process = Process.Start(start)!;
        var seen = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Multiple(() =>
        {
            foreach (var name in DeveloperSettings.Keys.Append("HEIMNETZ_SCENARIO_KEEP_ME_NOT"))
            {
                Assert.That(seen, Does.Not.Contain($"{name}="), $"{name} reached the host probe");
            }

            Assert.That(seen, Does.Not.Contain("hunter2"));
            Assert.That(seen, Does.Contain("PATH_FOR_THE_TEST=kept"), "everything else is inherited");
        });
    }
}
