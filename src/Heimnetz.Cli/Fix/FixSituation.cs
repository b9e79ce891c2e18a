namespace Heimnetz.Cli.Fix;

/// <summary>What fix has at hand where it runs: an engine, fix's own Redis from an earlier run, a compose file, the app's service.</summary>
internal sealed record FixSituation(bool EngineReachable, int? ExistingPort, string? ComposeFile, string? Service);
