using BenchmarkDotNet.Attributes;
using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Benchmarks.EnvironmentDetection;

/// <summary>Environment detection alone on the live system: the file reads and parsing that precede every discovery.</summary>
public class EnvironmentDetectionBenchmarks
{
    [Benchmark]
    public RuntimeEnvironment Detect_Live() => EnvironmentDetector.Detect(Sysroot.Live);
}
