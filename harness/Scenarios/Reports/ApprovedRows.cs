using Heimnetz.Harness.Fixtures.Snapshots;
using Heimnetz.Harness.Scenarios.Matrix;

namespace Heimnetz.Harness.Scenarios.Reports;

/// <summary>
/// The approved rows of each server flavour, read from its approved matrix, so a single cell (or a single run of it) can
/// be compared with its own approved row instead of only the flavour's file as a whole.
/// </summary>
public sealed class ApprovedRows
{
    private static readonly string[] Columns = Fields(ResolutionMatrix.ToMarkdown([]).Split('\n')[0]);
    private readonly Dictionary<(string Server, string Scenario), string[]> rows = [];

    private ApprovedRows()
    {
    }

    public static ApprovedRows None { get; } = new();

    /// <summary>Reads the approved matrix of each server (a flavour without one has no approved rows).</summary>
    public static async Task<ApprovedRows> LoadAsync(IEnumerable<string> servers, string? directory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var server in servers.Distinct(StringComparer.Ordinal))
        {
            if (await SnapshotDecision.ReadVerifiedAsync(ApprovedMatrix.For(server, directory), cancellationToken).ConfigureAwait(false) is { } text)
            {
                texts[server] = text;
            }
        }

        return Parse(texts);
    }

    /// <summary>Builds the approved rows from each server's approved Markdown matrix.</summary>
    public static ApprovedRows Parse(IReadOnlyDictionary<string, string> markdownByServer)
    {
        ArgumentNullException.ThrowIfNull(markdownByServer);
        var approved = new ApprovedRows();
        foreach (var (server, markdown) in markdownByServer)
        {
            foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Skip(2).Where(line => line.StartsWith("| ", StringComparison.Ordinal)))
            {
                var fields = Fields(line);
                approved.rows[(server, fields[0])] = fields;
            }
        }

        return approved;
    }

    /// <summary>Whether the server's approved matrix has a row for the scenario at all.</summary>
    public bool Has(string server, string scenario) => rows.ContainsKey((server, scenario));

    /// <summary>
    /// The columns in which <paramref name="row"/> differs from its approved row: empty when they agree, null when there
    /// is no approved row to compare with.
    /// </summary>
    public IReadOnlyList<ColumnDifference>? Compare(MatrixRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!rows.TryGetValue((row.Server, row.Scenario), out var approved))
        {
            return null;
        }

        // The row as the approved file would hold it, split the same way, so the comparison is the snapshot's own.
        var actual = Fields(ResolutionMatrix.ToMarkdown([row]).Split('\n')[2]);
        return Columns
            .Select((column, index) => new ColumnDifference(column, index < approved.Length ? approved[index] : string.Empty, index < actual.Length ? actual[index] : string.Empty))
            .Where(difference => difference.Approved != difference.Actual)
            .ToList();
    }

    private static string[] Fields(string line) =>
        line.Trim().Trim('|').Split('|').Select(field => field.Trim()).ToArray();
}
