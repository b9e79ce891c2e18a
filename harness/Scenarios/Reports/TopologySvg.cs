using System.Text;
using Heimnetz.Harness.Fixtures.Topology;
using Heimnetz.Harness.Scenarios.Cells;
using static Heimnetz.Harness.Scenarios.Reports.Html;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// Draws one scenario as inline SVG: a lane per network (or per special wiring: default bridge, host, none) with its
/// nodes, and beside it the candidates the app probed — the chosen one marked, the others with why they lost.
/// </summary>
internal static class TopologySvg
{
    private const int LaneHeight = 74;
    private const int NodeWidth = 150;
    private const int CandidatesX = 560;
    private const int Width = 1100;
    private const int CandidateHeight = 36;

    public static string Render(CellResult cell)
    {
        var nodes = cell.Topology.Nodes.ToList();
        if (cell.AppRuns == "host" && nodes.All(node => node.Kind != "app"))
        {
            // The probe ran as a process on the host, not in a container.
            nodes.Add(new NodeSketch("app (host process)", "app", "host", [], null));
        }

        var lanes = cell.Topology.Networks.Select(network => (Key: network.Role, Label: $"network '{network.Role}'{(network.Internal ? " (internal, no way out)" : string.Empty)}")).ToList();
        foreach (var wiring in nodes.Select(node => node.Wiring).Distinct(StringComparer.Ordinal).Where(wiring => lanes.All(lane => lane.Key != wiring)))
        {
            lanes.Add((wiring, wiring switch
            {
                "default-bridge" => "Docker's default bridge (no DNS)",
                "host" => "the host's network namespace",
                "none" => "network mode none (loopback only)",
                _ => wiring,
            }));
        }

        var candidates = cell.Report?.Discovery.Candidates ?? [];
        var height = Math.Max(lanes.Count * LaneHeight + 40, candidates.Count * CandidateHeight + 60);
        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg class=\"topology\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(Inv, $"<title>{E(cell.Scenario)}: topology and candidates</title>");

        for (var i = 0; i < lanes.Count; i++)
        {
            var y = 20 + i * LaneHeight;
            svg.Append(Inv, $"<rect class=\"lane\" x=\"10\" y=\"{y}\" width=\"{CandidatesX - 30}\" height=\"{LaneHeight - 10}\" rx=\"10\"/>");
            svg.Append(Inv, $"<text class=\"lane-label\" x=\"20\" y=\"{y + 14}\">{E(lanes[i].Label)}</text>");
            var onLane = nodes.Where(node => node.Wiring == lanes[i].Key).ToList();
            for (var k = 0; k < onLane.Count; k++)
            {
                var node = onLane[k];
                var x = 20 + k * (NodeWidth + 14);
                var sub = node.Aliases.Count > 0 ? "as " + string.Join(", ", node.Aliases) : node.Kind;
                if (node.HostPort is { } port)
                {
                    sub += $" · host :{port}";
                }

                svg.Append(Inv, $"<g class=\"node {node.Kind}\"><rect x=\"{x}\" y=\"{y + 20}\" width=\"{NodeWidth}\" height=\"40\" rx=\"6\"/>");
                svg.Append(Inv, $"<text x=\"{x + 8}\" y=\"{y + 36}\" class=\"node-name\">{E(Shorten(node.Role, 20))} ({E(node.Kind)})</text>");
                svg.Append(Inv, $"<text x=\"{x + 8}\" y=\"{y + 52}\" class=\"node-sub\">{E(Shorten(sub, 24))}</text></g>");
            }
        }

        svg.Append(Inv, $"<text class=\"lane-label\" x=\"{CandidatesX}\" y=\"18\">candidates the app probed on {E(cell.Server)} (in order)</text>");
        if (candidates.Count == 0)
        {
            svg.Append(Inv, $"<text class=\"node-sub\" x=\"{CandidatesX}\" y=\"44\">{E(cell.Failure ?? cell.SkipReason ?? "no candidates probed")}</text>");
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var chosen = candidate.Endpoint == cell.Report!.Discovery.Chosen;
            var y = 40 + i * CandidateHeight;
            var latency = candidate.LatencyMs is { } ms ? $" · {N(ms)} ms" : string.Empty;
            var why = chosen ? "chosen: " + (candidate.Reason ?? "first usable candidate") : candidate.Detail;
            svg.Append(Inv, $"<g class=\"candidate {E(candidate.Outcome)}{(chosen ? " chosen" : string.Empty)}\"><title>{E(candidate.Endpoint)}: {E(candidate.Outcome)} — {E(candidate.Detail)}{(candidate.Reason is null ? string.Empty : " (" + E(candidate.Reason) + ")")}</title>");
            svg.Append(Inv, $"<circle cx=\"{CandidatesX + 8}\" cy=\"{y}\" r=\"6\"/>");
            svg.Append(Inv, $"<text x=\"{CandidatesX + 22}\" y=\"{y + 4}\" class=\"candidate-name\">{(chosen ? "★ " : string.Empty)}{E(candidate.Endpoint)} — {E(candidate.Outcome)}{latency}</text>");
            svg.Append(Inv, $"<text x=\"{CandidatesX + 22}\" y=\"{y + 18}\" class=\"node-sub\">{E(Shorten(why, 80))}</text></g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
