using Heimnetz.Diagnostics;
using Spectre.Console;

namespace Heimnetz.Cli.Commands;

/// <summary>The terminal form of a doctor report: one table row per finding, coloured by severity, then the verdict.</summary>
internal static class DoctorTable
{
    /// <summary>The width used when the output is not a terminal, so redirected reports wrap the same everywhere.</summary>
    private const int RedirectedWidth = 160;

    public static void Write(DoctorReport report, TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(new TableColumn("Severity").NoWrap());
        table.AddColumn("Finding");
        table.AddColumn("Observed");
        table.AddColumn("Remedy");
        foreach (var finding in report.Findings)
        {
            var colour = Colour(finding.Severity);
            table.AddRow(
                new Markup($"[{colour}]{finding.Severity.ToWireName()}[/]"),
                new Markup($"[bold]{Markup.Escape(finding.Title)}[/]\n[grey]{Markup.Escape(finding.Code)}[/]"),
                new Text(string.Join('\n', finding.Observed)),
                new Text(finding.Remedy ?? "-"));
        }

        console.Write(table);
        var (verdictColour, meaning) = report.Verdict switch
        {
            DoctorVerdict.Healthy => ("green", "nothing to fix"),
            DoctorVerdict.Degraded => ("yellow", "Redis is usable, but see the warnings"),
            DoctorVerdict.Inconclusive => ("yellow", "this process was starved of CPU; nothing is known to be wrong with Redis, run again with more CPU"),
            _ => ("red", "no usable Redis: the cache would run in memory mode"),
        };
        console.MarkupLine($"verdict: [bold {verdictColour}]{report.Verdict.ToWireName()}[/] ({Markup.Escape(meaning)})");
    }

    private static string Colour(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Ok => "green",
        FindingSeverity.Info => "blue",
        FindingSeverity.Warning => "yellow",
        _ => "red",
    };
}
