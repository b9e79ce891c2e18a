using System.Text.Json;

namespace Heimnetz.Harness.Scenarios.Model;

/// <summary>What <c>heimnetz doctor --json</c> concluded in the app's place: the verdict and every finding code by severity.</summary>
public sealed record DoctorVerdict(string Verdict, IReadOnlyList<(string Code, string Severity)> Findings)
{
    /// <summary>The codes worth a person's attention (warnings and errors), in the doctor's order.</summary>
    public IReadOnlyList<string> Problems => Findings.Where(f => f.Severity is "warning" or "error").Select(f => f.Code).ToList();

    /// <summary>The matrix cell: "healthy", or "broken: auth-failed, cache-memory-mode".</summary>
    public string Describe() => Problems.Count == 0 ? Verdict : $"{Verdict}: {string.Join(", ", Problems)}";

    /// <summary>Parses the doctor's JSON (schema heimnetz.doctor/1); throws <see cref="JsonException"/> naming what is missing.</summary>
    public static DoctorVerdict Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.GetProperty("schema").GetString() != "heimnetz.doctor/1")
        {
            throw new JsonException($"Expected a heimnetz.doctor/1 report, got schema '{root.GetProperty("schema").GetString()}'.");
        }

        var findings = root.GetProperty("findings").EnumerateArray()
            .Select(finding => (finding.GetProperty("code").GetString()!, finding.GetProperty("severity").GetString()!))
            .ToList();
        return new DoctorVerdict(root.GetProperty("verdict").GetString()!, findings);
    }
}
