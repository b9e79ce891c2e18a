using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Heimnetz.Benchmarks;

/// <summary>The one BenchmarkDotNet configuration: every suite runs with the same job, columns and exporters.</summary>
internal static class BenchConfig
{
    /// <summary>
    /// In-process: the benchmark project is built once by the caller instead of once more per suite by BenchmarkDotNet,
    /// which matters on a shared two-core machine; every client under comparison runs in the same process with the same
    /// runtime settings, so the ratios stay fair. Twenty 250 ms iterations after three warm-ups: with ten, single-caller medians
    /// moved by more than 10 % between runs on a shared two-core machine, too coarse to judge a 1.05× target.
    /// </summary>
    public static IConfig Create(bool smoke, string artifactsPath)
    {
        var job = smoke
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Smoke")
            : Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(20)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                .WithId("Bench");

        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
            .AddExporter(JsonExporter.Full)
            .WithArtifactsPath(artifactsPath)
            .WithOptions(ConfigOptions.DisableLogFile);
    }
}
