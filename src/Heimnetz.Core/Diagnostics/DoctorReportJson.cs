using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Diagnostics;

/// <summary>
/// Writes <see cref="DoctorReport"/> as <c>heimnetz.doctor/1</c>:
/// <c>{schema, verdict, findings: [{code, severity, title, observed: [...], remedy, action}]}</c>, where
/// <c>remedy</c> is the prose rendered from the typed <c>action</c> (docs/doctor-json.md). Small and stable on purpose.
/// </summary>
public static class DoctorReportJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The report name of a verdict: <c>healthy</c>, <c>degraded</c> or <c>broken</c>.</summary>
    public static string ToWireName(this DoctorVerdict verdict) => verdict switch
    {
        DoctorVerdict.Healthy => "healthy",
        DoctorVerdict.Degraded => "degraded",
        DoctorVerdict.Broken => "broken",
        DoctorVerdict.Inconclusive => "inconclusive",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown doctor verdict."),
    };

    /// <summary>Serializes the report as one JSON object.</summary>
    public static string Serialize(DoctorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = new JsonArray();
        foreach (var finding in report.Findings)
        {
            findings.Add(new JsonObject
            {
                ["code"] = finding.Code,
                ["severity"] = finding.Severity.ToWireName(),
                ["title"] = finding.Title,
                ["observed"] = new JsonArray([.. finding.Observed.Select(line => (JsonNode?)JsonValue.Create(line))]),
                ["remedy"] = finding.Remedy,
                ["action"] = finding.Action is null ? null : RemedyActionJson.Write(finding.Action),
            });
        }

        var root = new JsonObject
        {
            ["schema"] = DoctorReport.CurrentSchema,
            ["verdict"] = report.Verdict.ToWireName(),
            ["findings"] = findings,
        };
        return root.ToJsonString(Options);
    }
}
