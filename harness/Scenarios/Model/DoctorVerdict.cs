using System.Text.Json;
using System.Text.Json.Nodes;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Harness.Scenarios.Model;

/// <summary>What <c>heimnetz doctor --json</c> concluded in the app's place: the verdict and every finding, with its remedy as data.</summary>
public sealed record DoctorVerdict(string Verdict, IReadOnlyList<DoctorFinding> Findings)
{
    /// <summary>The findings worth a person's attention (warnings and errors), in the doctor's order.</summary>
    public IReadOnlyList<DoctorFinding> ProblemFindings => Findings.Where(f => f.Severity is "warning" or "error").ToList();

    /// <summary>The codes worth a person's attention (warnings and errors), in the doctor's order.</summary>
    public IReadOnlyList<string> Problems => ProblemFindings.Select(f => f.Code).ToList();

    /// <summary>The matrix cell: "healthy", or "broken: auth-failed, cache-memory-mode".</summary>
    public string Describe() => Problems.Count == 0 ? Verdict : $"{Verdict}: {string.Join(", ", Problems)}";

    /// <summary>
    /// Parses the doctor's JSON (schema heimnetz.doctor/1); throws <see cref="JsonException"/> naming what is missing, or
    /// <see cref="FormatException"/> naming a remedy action that does not read.
    /// </summary>
    public static DoctorVerdict Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("Expected a heimnetz.doctor/1 report, got an empty document.");
        if (Text(root, "schema") != "heimnetz.doctor/1")
        {
            throw new JsonException($"Expected a heimnetz.doctor/1 report, got schema '{Text(root, "schema")}'.");
        }

        var findings = (root["findings"] as JsonArray ?? throw new JsonException("The doctor's report has no 'findings' array."))
            .OfType<JsonObject>()
            .Select(finding => new DoctorFinding(
                Text(finding, "code"),
                Text(finding, "severity"),
                finding["action"] is JsonObject action ? RemedyActionJson.Read(action, finding["remedy"]?.GetValue<string>()) : null))
            .ToList();
        return new DoctorVerdict(Text(root, "verdict"), findings);
    }

    private static string Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new JsonException($"The doctor's report has no text field '{name}' where one was expected.");
}

/// <summary>One finding of the doctor: its code, its severity, and its remedy as data (null when it has none).</summary>
public sealed record DoctorFinding(string Code, string Severity, RemedyAction? Action);
