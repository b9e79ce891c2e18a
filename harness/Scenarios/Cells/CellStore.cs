using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>Reads and writes cell files: one JSON file per cell at <c>&lt;root&gt;/&lt;server&gt;/&lt;scenario&gt;.json</c>.</summary>
public static class CellStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Cell files are read by people and tools, never embedded in HTML: keep '<', '·' and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string PathOf(string root, string server, string scenario) => Path.Combine(root, server, scenario + ".json");

    public static async Task WriteAsync(string root, CellResult cell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var path = PathOf(root, cell.Server, cell.Scenario);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, Serialize(cell), cancellationToken).ConfigureAwait(false);
    }

    public static string Serialize(CellResult cell) => JsonSerializer.Serialize(cell, Json);

    /// <summary>Every cell file under <paramref name="root"/> (any depth, so downloaded CI artifacts merge as they land).</summary>
    public static async Task<IReadOnlyList<CellResult>> ReadAllAsync(string root, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"--cells names '{root}', which does not exist; expected the folder the 'cells' command wrote.");
        }

        var cells = new Dictionary<(string, string), CellResult>();
        foreach (var path in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            CellResult? cell;
            try
            {
                cell = JsonSerializer.Deserialize<CellResult>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Json);
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"The cell file '{path}' is not a cell result: {error.Message}", error);
            }

            if (cell is null || string.IsNullOrEmpty(cell.Scenario) || string.IsNullOrEmpty(cell.Server) || cell.Row is null)
            {
                throw new InvalidDataException($"The cell file '{path}' lacks scenario, server or row; expected a file the 'cells' command wrote.");
            }

            // The same cell twice (a re-run shard): the later file in path order wins, deterministically.
            cells[(cell.Scenario, cell.Server)] = cell;
        }

        return cells.Values
            .OrderBy(cell => cell.Scenario, StringComparer.Ordinal)
            .ThenBy(cell => cell.Server, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads one cell file's JSON text (for tests and tools).</summary>
    public static CellResult? Deserialize(string json) => JsonSerializer.Deserialize<CellResult>(json, Json);
}
