using Heimnetz.Probing;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>One run of <c>heimnetz</c> inside a container: its exit code, its output, and the parsed report when there is one.</summary>
public sealed record ProbeRun(long ExitCode, string Stdout, string Stderr, ProbeReport? Report)
{
    /// <summary>The report, or an error that shows what the probe printed instead.</summary>
    public ProbeReport RequireReport() =>
        Report ?? throw new InvalidOperationException($"heimnetz exited {ExitCode} without a report.{System.Environment.NewLine}stdout: {Stdout}{System.Environment.NewLine}stderr: {Stderr}");
}
