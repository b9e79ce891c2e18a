using System.Globalization;
using System.Text.Json;

namespace Heimnetz.Benchmarks.Reporting;

/// <summary>Reads BenchmarkDotNet's full JSON reports. Method names are <c>Client_Operation</c>, which gives the columns of the report.</summary>
internal static class BenchmarkResults
{
    public static IReadOnlyList<BenchmarkRow> Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var rows = new List<BenchmarkRow>();
        foreach (var file in Directory.EnumerateFiles(directory, "*-report-full.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    continue; // a benchmark that failed has no statistics; the report shows it as missing
                }

                var method = benchmark.GetProperty("Method").GetString() ?? string.Empty;
                var split = method.IndexOf('_', StringComparison.Ordinal);
                var parameters = ParseParameters(benchmark.TryGetProperty("Parameters", out var p) ? p.GetString() : null);
                long? allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.TryGetProperty("BytesAllocatedPerOperation", out var bytes)
                    ? bytes.GetInt64()
                    : null;
                rows.Add(new BenchmarkRow(
                    benchmark.GetProperty("Type").GetString() ?? string.Empty,
                    split > 0 ? method[..split] : method,
                    split > 0 ? method[(split + 1)..] : string.Empty,
                    parameters.GetValueOrDefault("PayloadBytes"),
                    parameters.GetValueOrDefault("Callers"),
                    statistics.GetProperty("Mean").GetDouble(),
                    statistics.GetProperty("Median").GetDouble(),
                    allocated));
            }
        }

        return rows;
    }

    private static Dictionary<string, int> ParseParameters(string? text)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in (text ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                values[parts[0]] = value;
            }
        }

        return values;
    }
}
