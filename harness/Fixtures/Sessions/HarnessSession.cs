using System.Globalization;

namespace Heimnetz.Harness.Fixtures.Sessions;

/// <summary>
/// One test run's identity. Every container and network the harness creates carries these labels, so the run can
/// remove exactly its own resources, and a later run can tell abandoned ones (owner process gone) from live ones.
/// </summary>
public static class HarnessSession
{
    public const string SessionLabel = "org.heimnetz.session";
    public const string OwnerHostLabel = "org.heimnetz.owner-host";
    public const string OwnerProcessLabel = "org.heimnetz.owner-pid";
    public const string CreatedLabel = "org.heimnetz.created";

    /// <summary>This run's id: unique per process, sortable by start time.</summary>
    public static string Id { get; } = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}-{Random.Shared.Next(0x10000):x4}");

    /// <summary>The labels to put on every resource of this run.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [SessionLabel] = Id,
        [OwnerHostLabel] = Environment.MachineName,
        [OwnerProcessLabel] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        [CreatedLabel] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
    };
}
