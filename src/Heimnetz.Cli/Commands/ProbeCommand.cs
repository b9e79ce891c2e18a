using System.CommandLine;
using Heimnetz.Configuration;
using Heimnetz.Probing;

namespace Heimnetz.Cli.Commands;

/// <summary><c>heimnetz probe [--json]</c>: the machine-readable report of where we run and which Redis we found.</summary>
internal static class ProbeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object (schema heimnetz.probe/1)." };
        var command = new Command("probe", "Detect the environment, probe Redis candidates, and report what was found.") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            ProbeReport report;
            try
            {
                report = await ProbeRunner.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HeimnetzConfigurationException error)
            {
                await stderr.WriteLineAsync($"heimnetz: {error.Message}").ConfigureAwait(false);
                return HeimnetzCli.BadUsage;
            }

            var text = parseResult.GetValue(json) ? ProbeReportJson.Serialize(report) : ProbeSummary.Render(report);
            await stdout.WriteLineAsync(text).ConfigureAwait(false);
            return HeimnetzCli.Ok;
        });
        return command;
    }
}
