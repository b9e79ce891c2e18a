namespace Heimnetz.Diagnostics;

/// <summary>The names severities carry in <c>heimnetz doctor --json</c> (contract: other tools match on them).</summary>
internal static class FindingSeverityNames
{
    /// <summary>The report name of a severity: <c>ok</c>, <c>info</c>, <c>warning</c> or <c>error</c>.</summary>
    public static string ToWireName(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.Ok => "ok",
        FindingSeverity.Info => "info",
        FindingSeverity.Warning => "warning",
        FindingSeverity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown finding severity."),
    };
}
