using System.Diagnostics;
using Heimnetz.EnvironmentDetection;
using Heimnetz.Harness.Fixtures.Requirements;

namespace Heimnetz.Tests.EnvironmentDetection;

[TestFixture]
public sealed class EnvironmentDetectorTimingUnitTests
{
    // Prints the cost of a live detection for the record; the bound only catches a pathological regression.
    [Test]
    public void Detect_LiveSysroot_PrintsAverageTime()
    {
        MachineRequirement.That(OperatingSystem.IsLinux(), $"this test reads Linux's /proc, but the machine runs {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        for (var i = 0; i < 50; i++)
        {
            EnvironmentDetector.Detect(Sysroot.Live);
        }

        const int runs = 1000;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            EnvironmentDetector.Detect(Sysroot.Live);
        }

        var averageMs = stopwatch.Elapsed.TotalMilliseconds / runs;
        TestContext.Out.WriteLine($"Detect(live /): {averageMs:0.000} ms average over {runs} runs");
        Assert.That(averageMs, Is.LessThan(1000));
    }
}
