using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Heimnetz.Benchmarks.Reporting;

/// <summary>The few Markdown pieces every section of the benchmark report writes the same way.</summary>
internal static class MarkdownText
{
    public static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    /// <summary>Writes a section's heading; when the run measured nothing for it, says so and returns false.</summary>
    public static bool Section(StringBuilder md, string title, bool measured)
    {
        Line(md, "## " + title);
        Line(md);
        if (!measured)
        {
            Line(md, "Not measured in this run.");
            Line(md);
        }

        return measured;
    }

    /// <summary>As <see cref="Section(StringBuilder, string, bool)"/>, for a section fed by one result file that may be missing.</summary>
    public static bool Section<T>(StringBuilder md, string title, [NotNullWhen(true)] T? results)
        where T : class => Section(md, title, results is not null);
}
