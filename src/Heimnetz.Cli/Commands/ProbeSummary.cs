using System.Globalization;
using System.Text;
using Heimnetz.Probing;

namespace Heimnetz.Cli.Commands;

/// <summary>The short human summary that plain <c>heimnetz probe</c> prints.</summary>
internal static class ProbeSummary
{
    public static string Render(ProbeReport report)
    {
        var environment = report.Environment;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"environment: {environment.Container} (cgroup {environment.CgroupVersion?.ToString(CultureInfo.InvariantCulture) ?? "?"}), network {environment.NetworkMode}, gateway {environment.DefaultGateway ?? "none"}");
        foreach (var candidate in report.Discovery.Candidates)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {candidate.Endpoint,-28} {candidate.Outcome,-14} {candidate.Detail}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"chosen: {report.Discovery.Chosen ?? "none"} in {report.Discovery.ElapsedMs:0.0} ms");
        text.Append(CultureInfo.InvariantCulture, $"cache: {report.Cache.Mode}");
        if (report.Cache.Reason is { } reason)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({reason})");
        }

        return text.ToString();
    }
}
