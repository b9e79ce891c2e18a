namespace Heimnetz.Testing;

/// <summary>One reading of what the app says about itself, in one phase of a run.</summary>
/// <param name="Phase">start, outage, recovery or after.</param>
/// <param name="At">When the reading was taken.</param>
/// <param name="State">The state word (a health body, a JSON field, a log line's group), or <c>unreachable</c>.</param>
/// <param name="HttpStatus">The status code of the state endpoint; null for logs, or when nothing answered.</param>
/// <param name="Answers">The status code of each watched path (null: no answer).</param>
public sealed record AppReading(string Phase, DateTimeOffset At, string State, int? HttpStatus, IReadOnlyDictionary<string, int?> Answers)
{
    /// <summary>The state of an app that did not answer at all.</summary>
    public const string Unreachable = "unreachable";

    public override string ToString() =>
        $"{At:HH:mm:ss.fff} {Phase,-8} {State}{(HttpStatus is { } status ? $" (HTTP {status})" : string.Empty)}"
        + string.Concat(Answers.Select(answer => $" · {answer.Key} {answer.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}"));
}
