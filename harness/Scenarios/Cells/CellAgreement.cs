using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Heimnetz.Harness.Scenarios.Cells;

/// <summary>
/// How many of a cell's runs gave exactly its approved row, written <c>agreed/runs</c> (e.g. <c>3/3</c>) in cell files,
/// matrix.json and timings.json. Stability is measured, not assumed: anything below unanimous makes the matrix red.
/// </summary>
[JsonConverter(typeof(CellAgreementJsonConverter))]
public sealed record CellAgreement(int Agreed, int Runs)
{
    public bool IsUnanimous => Agreed == Runs;

    /// <summary>Parses <c>agreed/runs</c> with 0 ≤ agreed ≤ runs and runs ≥ 1.</summary>
    public static CellAgreement Parse(string? text)
    {
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var agreed)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var runs)
            && runs >= 1 && agreed <= runs)
        {
            return new CellAgreement(agreed, runs);
        }

        throw new FormatException($"The agreement '{text}' is not agreed/runs; expected e.g. 3/3 with agreed ≤ runs and runs ≥ 1.");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Agreed}/{Runs}");
}

/// <summary>Writes a <see cref="CellAgreement"/> as its <c>agreed/runs</c> text, so a person reads "2/3" in the file.</summary>
internal sealed class CellAgreementJsonConverter : JsonConverter<CellAgreement>
{
    public override CellAgreement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return CellAgreement.Parse(reader.GetString());
        }
        catch (FormatException error)
        {
            throw new JsonException(error.Message, error);
        }
    }

    public override void Write(Utf8JsonWriter writer, CellAgreement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
