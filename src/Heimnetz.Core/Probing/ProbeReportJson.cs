using System.Text.Json;
using System.Text.Json.Serialization;

namespace Heimnetz.Probing;

/// <summary>Reads and writes <see cref="ProbeReport"/> in its contract shape.</summary>
public static class ProbeReportJson
{
    /// <summary>The serializer settings of the contract: camelCase, nulls written, indented when asked.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
    };

    /// <summary>Serializes a report as the contract's JSON object.</summary>
    public static string Serialize(ProbeReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Parses a report; throws <see cref="JsonException"/> naming what is wrong.</summary>
    public static ProbeReport Deserialize(string json)
    {
        var report = JsonSerializer.Deserialize<ProbeReport>(json, Options)
            ?? throw new JsonException("A probe report was expected, but the JSON was 'null'.");
        if (report.Schema != ProbeReport.CurrentSchema)
        {
            throw new JsonException($"Probe report schema '{report.Schema}' is not supported; expected '{ProbeReport.CurrentSchema}'.");
        }

        return report;
    }
}
