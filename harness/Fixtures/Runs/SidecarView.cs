using Heimnetz.Probing;

namespace Heimnetz.Testing;

/// <summary>What the sidecar probe saw from inside the app's network namespace in one phase; null report when it printed none.</summary>
public sealed record SidecarView(string Phase, ProbeReport? Report, string Output)
{
    /// <summary>The chosen endpoint, or "none".</summary>
    public string Chosen => Report?.Discovery.Chosen ?? "none";

    /// <summary>One line per candidate: endpoint, outcome and detail; the environment first.</summary>
    public IEnumerable<string> Lines()
    {
        if (Report is null)
        {
            yield return $"no report: {Output.Trim()}";
            yield break;
        }

        yield return $"environment {Report.Environment.Container}/{Report.Environment.NetworkMode}, gateway {Report.Environment.DefaultGateway ?? "none"}; chose {Chosen}, cache {Report.Cache.Mode}";
        foreach (var candidate in Report.Discovery.Candidates)
        {
            yield return $"{candidate.Endpoint} {candidate.Outcome}{(string.IsNullOrWhiteSpace(candidate.Detail) ? string.Empty : $" ({candidate.Detail})")}";
        }
    }
}
