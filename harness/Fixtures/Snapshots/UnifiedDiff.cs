using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace Heimnetz.Harness.Fixtures.Snapshots;

/// <summary>Renders a unified diff (three lines of context) between the verified and the received text.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Render(string verified, string received, string verifiedName, string receivedName)
    {
        // A final newline ends the last line; it is not an empty line of its own.
        var diff = Differ.Instance.CreateLineDiffs(TrimFinalNewline(verified), TrimFinalNewline(received), false);
        var text = new StringBuilder();
        text.Append("--- ").AppendLine(verifiedName);
        text.Append("+++ ").AppendLine(receivedName);
        foreach (var hunk in Hunks(diff))
        {
            AppendHunk(text, diff, hunk);
        }

        return text.ToString();
    }

    private static string TrimFinalNewline(string text) => text.EndsWith('\n') ? text[..^1] : text;

    // Groups neighbouring changes whose context would overlap into one hunk, as diff -u does.
    private static List<List<DiffBlock>> Hunks(DiffResult diff)
    {
        var hunks = new List<List<DiffBlock>>();
        foreach (var block in diff.DiffBlocks)
        {
            var last = hunks.Count > 0 ? hunks[^1][^1] : null;
            if (last is not null && block.DeleteStartA - (last.DeleteStartA + last.DeleteCountA) <= 2 * Context)
            {
                hunks[^1].Add(block);
            }
            else
            {
                hunks.Add([block]);
            }
        }

        return hunks;
    }

    private static void AppendHunk(StringBuilder text, DiffResult diff, List<DiffBlock> hunk)
    {
        var startA = Math.Max(0, hunk[0].DeleteStartA - Context);
        var startB = Math.Max(0, hunk[0].InsertStartB - Context);
        var endA = Math.Min(diff.PiecesOld.Count, hunk[^1].DeleteStartA + hunk[^1].DeleteCountA + Context);
        var endB = Math.Min(diff.PiecesNew.Count, hunk[^1].InsertStartB + hunk[^1].InsertCountB + Context);
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@").AppendLine();

        var a = startA;
        foreach (var block in hunk)
        {
            for (; a < block.DeleteStartA; a++)
            {
                text.Append(' ').AppendLine(diff.PiecesOld[a]);
            }

            for (var i = 0; i < block.DeleteCountA; i++, a++)
            {
                text.Append('-').AppendLine(diff.PiecesOld[a]);
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                text.Append('+').AppendLine(diff.PiecesNew[block.InsertStartB + i]);
            }
        }

        for (; a < endA; a++)
        {
            text.Append(' ').AppendLine(diff.PiecesOld[a]);
        }
    }
}
