namespace Heimnetz.Harness.Fixtures.Engine;

/// <summary>What the engine probe found: a usable engine with its version, or why there is none.</summary>
public sealed record EngineStatus(bool IsReady, string? EngineVersion, Version? ApiVersion, string Reason)
{
    public static EngineStatus Ready(string engineVersion, Version apiVersion) =>
        new(true, engineVersion, apiVersion, $"Docker engine {engineVersion} (API {apiVersion})");

    public static EngineStatus Unusable(string reason) => new(false, null, null, reason);
}
