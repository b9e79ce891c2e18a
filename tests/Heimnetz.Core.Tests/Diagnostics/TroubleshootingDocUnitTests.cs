using System.Text.RegularExpressions;
using Heimnetz.Diagnostics;
using Heimnetz.Harness.Fixtures;

namespace Heimnetz.Tests.Diagnostics;

/// <summary>docs/troubleshooting.md is the resolution matrix: it must name every finding code, and only those.</summary>
[TestFixture]
public sealed partial class TroubleshootingDocUnitTests
{
    private static readonly string DocPath = Path.Combine(RepositoryRoot.Path, "docs", "troubleshooting.md");

    [GeneratedRegex(@"^\|\s*`(?<code>[^`]+)`\s*\|(?<rest>.*)$", RegexOptions.Multiline)]
    private static partial Regex MatrixRow();

    private static Dictionary<string, string> Rows()
    {
        // Only the resolution matrix section: other tables on the page (discovery modes) start with code-like cells too.
        var text = File.ReadAllText(DocPath);
        var start = text.IndexOf("## Resolution matrix", StringComparison.Ordinal);
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        text = end < 0 ? text[start..] : text[start..end];
        return MatrixRow().Matches(text).ToDictionary(match => match.Groups["code"].Value, match => match.Groups["rest"].Value, StringComparer.Ordinal);
    }

    [Test]
    public void Matrix_EveryFindingCode_HasARowWithDetectionAndRemedy()
    {
        var rows = Rows();

        Assert.Multiple(() =>
        {
            foreach (var code in FindingCodes.All)
            {
                Assert.That(rows.ContainsKey(code), Is.True, $"docs/troubleshooting.md has no row for '{code}'");
                if (rows.TryGetValue(code, out var rest))
                {
                    var cells = rest.Split('|', StringSplitOptions.TrimEntries).Where(cell => cell.Length > 0).ToList();
                    Assert.That(cells, Has.Count.EqualTo(3), $"row '{code}' needs problem, detection and remedy");
                }
            }
        });
    }

    [Test]
    public void Matrix_Rows_NameOnlyKnownCodes()
    {
        Assert.That(Rows().Keys, Is.SubsetOf(FindingCodes.All), "the doc names a code doctor does not emit");
    }
}
