using System.Text.Json;
using System.Text.Json.Nodes;
using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Cli.Fix;

/// <summary>
/// Reads a <c>heimnetz doctor --json</c> report written elsewhere (typically inside the app's container, where the
/// compose remedies are found) back into findings with typed actions.
/// </summary>
internal static class DoctorReportReader
{
    public static DoctorReport Read(string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new FixException($"--report {path} is not a JSON object; expected the output of 'heimnetz doctor --json'.");
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new FixException($"--report {path} cannot be read as 'heimnetz doctor --json' output: {error.Message}", error);
        }

        var schema = root["schema"]?.GetValue<string>();
        if (schema != DoctorReport.CurrentSchema)
        {
            throw new FixException($"--report {path} has schema '{schema ?? "none"}'; expected '{DoctorReport.CurrentSchema}' (the output of 'heimnetz doctor --json').");
        }

        var verdictName = root["verdict"]?.GetValue<string>();
        var verdict = Enum.GetValues<DoctorVerdict>().Where(value => value.ToWireName() == verdictName).Select(value => (DoctorVerdict?)value).FirstOrDefault()
            ?? throw new FixException($"--report {path} has verdict '{verdictName}'; expected healthy, degraded, broken or inconclusive.");
        var findings = new List<Finding>();
        foreach (var item in root["findings"]?.AsArray() ?? [])
        {
            if (item is not JsonObject finding)
            {
                continue;
            }

            var prose = finding["remedy"]?.GetValue<string>();
            RemedyAction? action;
            try
            {
                action = finding["action"] is JsonObject json ? RemedyActionJson.Read(json, prose) : null;
            }
            catch (FormatException error)
            {
                throw new FixException($"--report {path}: finding '{finding["code"]}': {error.Message}", error);
            }

            findings.Add(new Finding(finding["code"]?.GetValue<string>() ?? "?", FindingSeverity.Info, finding["title"]?.GetValue<string>() ?? string.Empty, [], action));
        }

        return new DoctorReport(verdict, findings);
    }
}
